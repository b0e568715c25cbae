package io.faketicdc.internal.control;

import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Reply;
import java.util.function.Function;

/**
 * The control API, built on its first request: until then neither it nor Jackson is loaded, which
 * keeps them off the standalone jar's way to its first answer. Names no Jackson type itself.
 */
public final class ControlGate {
    /** Requests under this prefix are the control API's. */
    public static final String PREFIX = "/fake/";
    private static final String SHUTDOWN = "/fake/v1/shutdown";
    private final ControlledFake fake;
    private final String token;
    private final Runnable shutdown;
    private volatile Function<ApiRequest, Reply> api;

    /** @param token required as {@code Authorization: Bearer <token>}; null for none */
    public ControlGate(ControlledFake fake, String token, Runnable shutdown) {
        this.fake = fake;
        this.token = token;
        this.shutdown = shutdown;
    }

    /**
     * The control API's reply. An accepted shutdown closes the fake once its answer is written,
     * from a thread of its own (a port must not be stopped by one of its own request threads).
     */
    public Reply reply(ApiRequest request) {
        Reply reply = api().apply(request);
        ApiResponse answer = reply.response();
        if (answer == null || answer.status() != 200 || !request.path().equals(SHUTDOWN)) return reply;
        return new Reply(answer, null, () -> {
            Thread t = new Thread(shutdown, "fake-ticdc-shutdown-request");
            t.setDaemon(true);
            t.start();
        });
    }

    private Function<ApiRequest, Reply> api() {
        Function<ApiRequest, Reply> a = api;
        if (a == null) {
            synchronized (this) {
                a = api;
                if (a == null) api = a = new ControlApi(fake, token);
            }
        }
        return a;
    }
}
