package io.faketicdc.internal.control;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import java.util.function.Function;

/**
 * The control API, built on its first request: until then neither it nor Jackson is loaded, which
 * keeps them off the standalone jar's way to its first answer. Names no Jackson type itself.
 */
public final class ControlGate implements Function<ApiRequest, ApiResponse> {
    /** Requests under this prefix are the control API's. */
    public static final String PREFIX = "/fake/";
    private final FakeTiCdc fake;
    private final String token;
    private final Runnable shutdown;
    private volatile Function<ApiRequest, ApiResponse> api;

    /** @param token required as {@code Authorization: Bearer <token>}; null for none */
    public ControlGate(FakeTiCdc fake, String token, Runnable shutdown) {
        this.fake = fake;
        this.token = token;
        this.shutdown = shutdown;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        Function<ApiRequest, ApiResponse> a = api;
        if (a == null) {
            synchronized (this) {
                a = api;
                if (a == null) api = a = new ControlApi(fake, token, shutdown);
            }
        }
        return a.apply(request);
    }
}
