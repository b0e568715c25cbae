package io.faketicdc.internal.journal;

import io.faketicdc.RecordedRequest;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Exchange;

/**
 * The journal's stage of a capture's pipeline: records each exchange as that port's client saw it,
 * with the number it got where the cluster handled it (or the next one, when a fault answered in
 * the capture's place). The in-process hop of a forwarded request is not an exchange of its own,
 * so it is not recorded again. An exchange that sent no status line (a connection effect) is
 * recorded with status 0 and no body.
 */
public final class ExchangeRecorder {
    private static final String FORWARD_FROM = "TiCDC-ForwardFromCapture";
    /** The new architecture's name for it (pingcap/ticdc api/middleware/middleware.go). */
    private static final String FORWARD_FROM_NODE = "TiCDC-ForwardFrom";

    private final Journal journal;

    public ExchangeRecorder(Journal journal) {
        this.journal = journal;
    }

    public boolean enabled() {
        return journal.recording();
    }

    /** The journal's numbers, for exchanges the cluster handles. */
    public long reserve() {
        return journal.reserve();
    }

    public void record(Exchange x) {
        ApiRequest request = x.request();
        long duration = x.elapsedNanos();
        ApiResponse seen = x.answers() && x.response() != null ? x.response() : ApiResponse.bare(0);
        String classic = request.header(FORWARD_FROM);
        String forwardedFrom = classic != null ? classic : request.header(FORWARD_FROM_NODE);
        Interner shared = journal.interner();
        journal.record(x.sequence(), sequence -> new RecordedRequest(sequence, x.received(), request.slot(),
                request.localPort(), request.method(), request.path(), request.rawQuery(), shared.map(request.headers()),
                shared.body(request.body()), x.operation(), x.forwardedTo(), forwardedFrom, seen.status(),
                seen.contentType(), shared.map(seen.headers()), shared.body(seen.body()), x.faultRule(),
                x.faultEffect(), duration));
    }
}
