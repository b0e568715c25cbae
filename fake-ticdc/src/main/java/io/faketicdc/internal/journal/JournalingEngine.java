package io.faketicdc.internal.journal;

import io.faketicdc.RecordedRequest;
import io.faketicdc.internal.clock.VirtualClock;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.routes.CaptureEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The engine of one capture's port, recording each exchange as that port's client saw it. Sits in
 * front of the endpoint only, so the in-process hop of a forwarded request is not recorded again.
 *
 * <p>A request is answered and recorded under the cluster's lock, so sequence numbers are the
 * order in which the fake handled the requests: replaying the journal in order gives the state
 * the fake is in. (Recording after the lock was released let two racing requests be numbered
 * in the opposite order of their effects.) Bodies are read before, outside the lock.
 */
public final class JournalingEngine implements Function<ApiRequest, ApiResponse> {
    private static final String FORWARD_FROM = "TiCDC-ForwardFromCapture";

    private final CaptureEndpoint endpoint;
    private final Journal journal;
    private final VirtualClock clock;
    private final Object order;

    /** @param order the cluster's lock, held while a request is answered and recorded */
    public JournalingEngine(CaptureEndpoint endpoint, Journal journal, VirtualClock clock, Object order) {
        this.endpoint = endpoint;
        this.journal = journal;
        this.clock = clock;
        this.order = order;
    }

    /** The engines to serve, by slot: the endpoints themselves when the journal is off. */
    public static List<Function<ApiRequest, ApiResponse>> wrap(List<CaptureEndpoint> endpoints, Journal journal,
            VirtualClock clock, Object order) {
        List<Function<ApiRequest, ApiResponse>> engines = new ArrayList<>(endpoints.size());
        for (CaptureEndpoint e : endpoints) {
            engines.add(journal.enabled() ? new JournalingEngine(e, journal, clock, order) : e);
        }
        return engines;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        synchronized (order) {
            return answerAndRecord(request);
        }
    }

    private ApiResponse answerAndRecord(ApiRequest request) {
        var time = clock.now();
        long start = System.nanoTime();
        CaptureEndpoint.Outcome outcome = endpoint.serve(request);
        long duration = System.nanoTime() - start;
        ApiResponse response = outcome.response();
        String forwardedFrom = request.header(FORWARD_FROM);
        journal.record(sequence -> new RecordedRequest(sequence, time, request.slot(), request.localPort(),
                request.method(), request.path(), request.rawQuery(), request.headers(), request.body(),
                outcome.operation(), outcome.forwardedTo(), forwardedFrom, response.status(),
                response.contentType(), response.headers(), response.body(), duration));
        return response;
    }
}
