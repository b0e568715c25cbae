package io.faketicdc.internal.faults;

import io.faketicdc.faults.Effect;
import io.faketicdc.internal.http.Exchange;
import java.util.function.Consumer;

/**
 * The fault stage of a capture's pipeline, in front of the capture: an unresponsive capture hangs,
 * else the first rule that matches and fires decides, else the capture serves. Each client request
 * is seen once, here, with the route it matched on arrival.
 */
final class FaultStage {
    private final RuleBook rules;
    private final ClusterFaultState clusterFaults;
    private final EffectRunner effects;

    FaultStage(RuleBook rules, ClusterFaultState clusterFaults, EffectRunner effects) {
        this.rules = rules;
        this.clusterFaults = clusterFaults;
        this.effects = effects;
    }

    void serve(Exchange x, Consumer<Exchange> capture) {
        clusterFaults.onClientRequest();
        String unresponsive = clusterFaults.unresponsive(x.request().slot());
        if (unresponsive != null) {
            x.faulted(unresponsive, "unresponsive");
            x.wire(new Effect.Hang());
            return;
        }
        RuleBook.Decision d = rules.decide(x.request(), x.call());
        if (d == null) capture.accept(x);
        else effects.run(d, x, () -> capture.accept(x));
    }
}
