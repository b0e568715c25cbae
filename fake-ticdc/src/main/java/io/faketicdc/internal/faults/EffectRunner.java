package io.faketicdc.internal.faults;

import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Delivery;
import io.faketicdc.internal.routes.CaptureEndpoint;
import io.faketicdc.internal.routes.CaptureEndpoint.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the effect a rule chose into the outcome of the exchange. INSTEAD: the handler runs only
 * for effects that carry the real answer; AFTER_COMMIT: the handler runs first, always.
 */
final class EffectRunner {
    private final Waits waits;

    EffectRunner(Waits waits) {
        this.waits = waits;
    }

    Outcome run(RuleBook.Decision d, String operation, Supplier<Outcome> handler) {
        Supplier<Outcome> real = once(handler);
        Outcome base = d.phase() == FaultRule.Phase.AFTER_COMMIT ? real.get() : new Outcome(null, operation, null);
        return apply(d.effect(), d.ruleId(), d.effect().kind(), base, real);
    }

    private Outcome apply(Effect e, String rule, String kind, Outcome base, Supplier<Outcome> real) {
        if (e instanceof Effect.Delay delay) {
            if (waits.sleep(delay.latency())) return base.faulted(placeholder(base), rule, kind, new Delivery.Close());
            return delay.then() == null ? real(real, rule, kind, Delivery.NORMAL)
                    : apply(delay.then(), rule, kind + "+" + delay.then().kind(), base, real);
        }
        if (e instanceof Effect.PassThrough) return real(real, rule, kind, Delivery.NORMAL);
        if (e instanceof Effect.SlowBody s) return real(real, rule, kind, new Delivery.Slow(s.over(), s.chunks()));
        if (e instanceof Effect.TruncatedBody) return real(real, rule, kind, new Delivery.Truncated());
        if (e instanceof Effect.Error err) {
            return base.faulted(ApiError.custom(err.status(), err.code(), err.message()).toResponse(), rule, kind, Delivery.NORMAL);
        }
        if (e instanceof Effect.Raw raw) return base.faulted(raw(raw), rule, kind, Delivery.NORMAL);
        if (e instanceof Effect.NotReady) return base.faulted(CaptureEndpoint.notReady(), rule, kind, Delivery.NORMAL);
        if (e instanceof Effect.NoOwner) {
            return base.faulted(ApiError.plain("election: no leader").toResponse(), rule, kind, Delivery.NORMAL);
        }
        return base.faulted(placeholder(base), rule, kind, wire(e));
    }

    private static Delivery wire(Effect e) {
        if (e instanceof Effect.Reset) return new Delivery.Reset();
        if (e instanceof Effect.Close) return new Delivery.Close();
        if (e instanceof Effect.Hang) return new Delivery.Hang();
        if (e instanceof Effect.Garbage g) return new Delivery.Garbage(g.bytes().getBytes(StandardCharsets.ISO_8859_1));
        throw new IllegalArgumentException("unexpected effect " + e);
    }

    private static Outcome real(Supplier<Outcome> real, String rule, String kind, Delivery how) {
        Outcome r = real.get();
        return r.faulted(r.response(), rule, kind, how.equals(Delivery.NORMAL) ? r.delivery() : how);
    }

    /** What the journal keeps for an exchange that sent no status line. */
    private static ApiResponse placeholder(Outcome base) {
        return base.response() != null ? base.response() : ApiResponse.bare(0);
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

    private static Supplier<Outcome> once(Supplier<Outcome> s) {
        Outcome[] memo = new Outcome[1];
        return () -> memo[0] != null ? memo[0] : (memo[0] = s.get());
    }
}
