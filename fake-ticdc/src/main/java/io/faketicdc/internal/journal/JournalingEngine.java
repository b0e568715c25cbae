package io.faketicdc.internal.journal;

import io.faketicdc.RecordedRequest;
import io.faketicdc.internal.clock.VirtualClock;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Reply;
import io.faketicdc.internal.routes.CaptureEndpoint.Outcome;
import java.util.function.Function;

/**
 * The engine of one capture's port, recording each exchange as that port's client saw it. Sits in
 * front of the endpoint only, so the in-process hop of a forwarded request is not recorded again.
 * An exchange that sent no status line (a connection fault) is recorded with status 0 and no body.
 */
public final class JournalingEngine implements Function<ApiRequest, Reply> {
    private static final String FORWARD_FROM = "TiCDC-ForwardFromCapture";

    private final Function<ApiRequest, Outcome> endpoint;
    private final Journal journal;
    private final VirtualClock clock;

    public JournalingEngine(Function<ApiRequest, Outcome> endpoint, Journal journal, VirtualClock clock) {
        this.endpoint = endpoint;
        this.journal = journal;
        this.clock = clock;
    }

    /** The engine of one port: without recording when the journal is off. */
    public static Function<ApiRequest, Reply> wrap(Function<ApiRequest, Outcome> endpoint, Journal journal, VirtualClock clock) {
        return journal.enabled() ? new JournalingEngine(endpoint, journal, clock) : r -> reply(endpoint.apply(r));
    }

    private static Reply reply(Outcome outcome) {
        return new Reply(outcome.response(), outcome.delivery());
    }

    @Override
    public Reply apply(ApiRequest request) {
        var time = clock.now();
        long start = System.nanoTime();
        Outcome outcome = endpoint.apply(request);
        long duration = System.nanoTime() - start;
        ApiResponse seen = outcome.delivery().answers() ? outcome.response() : ApiResponse.bare(0);
        String forwardedFrom = request.header(FORWARD_FROM);
        Interner shared = journal.interner();
        journal.record(outcome.sequence(), sequence -> new RecordedRequest(sequence, time, request.slot(), request.localPort(),
                request.method(), request.path(), request.rawQuery(), shared.map(request.headers()), shared.body(request.body()),
                outcome.operation(), outcome.forwardedTo(), forwardedFrom, seen.status(),
                seen.contentType(), shared.map(seen.headers()), shared.body(seen.body()), outcome.faultRule(),
                outcome.faultEffect(), duration));
        return reply(outcome);
    }
}
