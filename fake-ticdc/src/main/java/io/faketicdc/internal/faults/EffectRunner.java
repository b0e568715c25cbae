package io.faketicdc.internal.faults;

import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.routes.CaptureEndpoint;
import io.faketicdc.internal.http.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries out the effect a rule chose on the exchange, once: an answer in the capture's place,
 * or the capture's answer with a connection effect for the server shell, which does the rest.
 * INSTEAD: the capture serves only for effects that carry the real answer; AFTER_COMMIT: the
 * capture serves first, always.
 */
final class EffectRunner {
    private final Waits waits;

    EffectRunner(Waits waits) {
        this.waits = waits;
    }

    void run(RuleBook.Decision d, Exchange x, Runnable capture) {
        Runnable serveOnce = () -> {
            if (!x.served()) capture.run();
        };
        if (d.phase() == FaultRule.Phase.AFTER_COMMIT) serveOnce.run();
        apply(d.effect(), d.ruleId(), d.effect().kind(), x, serveOnce);
    }

    private void apply(Effect e, String rule, String kind, Exchange x, Runnable serve) {
        if (e instanceof Effect.Delay delay) {
            if (waits.sleep(delay.latency())) {
                x.faulted(rule, kind);
                x.wire(new Effect.Close());
            } else if (delay.then() == null) {
                serve.run();
                x.faulted(rule, kind);
            } else {
                apply(delay.then(), rule, kind + "+" + delay.then().kind(), x, serve);
            }
            return;
        }
        x.faulted(rule, kind);
        if (e instanceof Effect.PassThrough) {
            serve.run();
        } else if (e instanceof Effect.SlowBody || e instanceof Effect.TruncatedBody) {
            serve.run();
            x.wire(e);
        } else if (e instanceof Effect.Reset || e instanceof Effect.Close || e instanceof Effect.Hang
                || e instanceof Effect.Garbage) {
            x.wire(e);
        } else {
            x.answer(answer(e));
            x.wire(null);
        }
    }

    /** The answer of an effect that answers in the capture's place. */
    private static ApiResponse answer(Effect e) {
        if (e instanceof Effect.Error err) return ApiError.custom(err.status(), err.code(), err.message()).toResponse();
        if (e instanceof Effect.Raw raw) return raw(raw);
        if (e instanceof Effect.NotReady) return CaptureEndpoint.notReady();
        if (e instanceof Effect.NoOwner) return ApiError.plain("election: no leader").toResponse();
        throw new IllegalArgumentException("unexpected effect " + e);
    }

    private static ApiResponse raw(Effect.Raw raw) {
        String type = null;
        Map<String, String> others = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : raw.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) type = h.getValue();
            else others.put(h.getKey(), h.getValue());
        }
        return new ApiResponse(raw.status(), type, others, raw.body().getBytes(StandardCharsets.UTF_8));
    }
}
