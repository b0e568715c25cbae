package io.faketicdc.internal.faults;

import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Delivery;
import io.faketicdc.internal.routes.CaptureEndpoint;
import io.faketicdc.internal.routes.CaptureEndpoint.Outcome;
import java.util.function.Function;

/**
 * One capture's port with faults in front: an unresponsive capture hangs, else the first rule that
 * matches and fires decides, else the endpoint answers. Each client request is seen once, here.
 */
final class FaultingEndpoint implements Function<ApiRequest, Outcome> {
    private final CaptureEndpoint endpoint;
    private final RuleBook rules;
    private final ClusterFaultState clusterFaults;
    private final EffectRunner effects;

    FaultingEndpoint(CaptureEndpoint endpoint, RuleBook rules, ClusterFaultState clusterFaults, EffectRunner effects) {
        this.endpoint = endpoint;
        this.rules = rules;
        this.clusterFaults = clusterFaults;
        this.effects = effects;
    }

    @Override
    public Outcome apply(ApiRequest request) {
        clusterFaults.onClientRequest();
        Call call = endpoint.route(request);
        String operation = call == null ? null : call.route().operation();
        String unresponsive = clusterFaults.unresponsive(request.slot());
        if (unresponsive != null) {
            return new Outcome(ApiResponse.bare(0), operation, null, unresponsive, "unresponsive", new Delivery.Hang());
        }
        RuleBook.Decision d = rules.decide(request, call);
        if (d == null) return endpoint.serve(request);
        return effects.run(d, operation, () -> endpoint.serve(request));
    }
}
