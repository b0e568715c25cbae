package io.faketicdc.internal.pipeline;

import io.faketicdc.internal.clock.VirtualClock;
import io.faketicdc.internal.control.ControlGate;
import io.faketicdc.internal.faults.FaultInjector;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.Exchange;
import io.faketicdc.internal.http.Reply;
import io.faketicdc.internal.journal.ExchangeRecorder;
import io.faketicdc.internal.routes.CaptureEndpoint;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What one capture's port does with a request, top to bottom. The server shell
 * ({@code internal.server.HttpHost}) turns the connection's bytes into an {@link ApiRequest},
 * calls {@link #apply}, and writes the {@link Reply}:
 *
 * <ol>
 *   <li>control split: {@code /fake/...} goes to the control API (no route, fault or journal);
 *   <li>the route is matched, once, and the {@link Exchange} begins;
 *   <li>faults ({@link FaultInjector#serve}): a rule may answer in the capture's place, wait, or
 *       set a connection effect; otherwise, or after its wait, the capture serves;
 *   <li>the route's prepare step, if it has one, before the lock ({@code Route.Prepare}: a create's
 *       or update's body parsed and validated), so a huge body never holds up other requests;
 *   <li>the capture ({@link CaptureEndpoint#serve}), under the cluster's lock: the cluster ticks
 *       and counts the request, the capture answers 503 while not ready, forwards owner routes to
 *       the owner's capture in process, or calls the handler, which renders Go's JSON; the
 *       exchange takes its journal number there;
 *   <li>the journal records the exchange as the client saw it;
 *   <li>the reply goes back to the shell, which carries out the connection effect if one is set.
 * </ol>
 */
public final class CapturePipeline implements Function<ApiRequest, Reply> {
    private static final LongSupplier NOT_NUMBERED = () -> 0L;

    private final ControlGate control;
    private final FaultInjector faults;
    private final CaptureEndpoint capture;
    private final ExchangeRecorder journal;
    private final LongSupplier numbers;
    private final VirtualClock clock;

    /** @param control the control API, or null when it is off */
    public CapturePipeline(ControlGate control, FaultInjector faults, CaptureEndpoint capture, ExchangeRecorder journal,
            VirtualClock clock) {
        this.control = control;
        this.faults = faults;
        this.capture = capture;
        this.journal = journal;
        this.numbers = journal.enabled() ? journal::reserve : NOT_NUMBERED;
        this.clock = clock;
    }

    @Override
    public Reply apply(ApiRequest request) {
        if (control != null && request.path().startsWith(ControlGate.PREFIX)) return control.reply(request);
        Exchange x = new Exchange(request, capture.route(request), journal.enabled() ? clock.now() : null, numbers);
        faults.serve(x, capture::serve);
        if (journal.enabled()) journal.record(x);
        return x.reply();
    }
}
