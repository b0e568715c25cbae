package io.faketicdc.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.faketicdc.ChangefeedSeed;
import io.faketicdc.ChangefeedState;
import io.faketicdc.script.Action;
import io.faketicdc.script.CaptureAction;
import io.faketicdc.script.ChangefeedAction;
import io.faketicdc.script.ClusterAction;
import io.faketicdc.script.DownstreamAction;
import io.faketicdc.script.Step;
import io.faketicdc.script.Timing;

/**
 * The JSON shapes of steps and seeded changefeeds, shared by scenario files and the control API.
 * A step is one flat object: timing ({@code after}, or {@code onRequest} with optional
 * {@code method} and {@code path}) plus one action, told apart by its subject key:
 * {@code changefeed} (with {@code kind}, ...), {@code capture} (a slot, with {@code kind}),
 * {@code cluster} (its kind) or {@code downstream} (an address, with {@code kind} and
 * {@code creates} or {@code duration}).
 */
final class StepJson {
    private StepJson() { }

    static Step step(JsonNode n, String path, Fields f) {
        f.known(n, path, "after", "onRequest", "method", "path", "changefeed", "namespace", "kind", "code", "message",
                "ts", "duration", "capture", "requests", "cluster", "downstream", "creates");
        Timing timing = new Timing(f.duration(n.get("after"), Fields.join(path, "after")),
                n.has("onRequest") ? f.positiveInt(n.get("onRequest"), Fields.join(path, "onRequest")) : null,
                f.text(n.get("method"), Fields.join(path, "method")), f.text(n.get("path"), Fields.join(path, "path")));
        return new Step(timing, action(n, path, f));
    }

    private static Action action(JsonNode n, String path, Fields f) {
        int subjects = (n.has("changefeed") ? 1 : 0) + (n.has("capture") ? 1 : 0) + (n.has("cluster") ? 1 : 0)
                + (n.has("downstream") ? 1 : 0);
        if (subjects != 1) throw f.error(path, "a step names exactly one of changefeed, capture, cluster or downstream");
        if (n.has("downstream")) return downstream(n, path, f);
        try {
            if (n.has("cluster")) {
                return new ClusterAction(f.enumValue(n.get("cluster"), ClusterAction.Kind.class, Fields.join(path, "cluster")));
            }
            if (n.has("capture")) {
                JsonNode slot = n.get("capture");
                if (!slot.isInt() || slot.asInt() < 0) throw f.error(Fields.join(path, "capture"), "expected a capture slot (0, 1, ...)");
                Integer requests = n.has("requests") ? f.positiveInt(n.get("requests"), Fields.join(path, "requests")) : null;
                return new CaptureAction(slot.asInt(), f.enumValue(n.get("kind"), CaptureAction.Kind.class,
                        Fields.join(path, "kind")), requests);
            }
            String id = f.requiredText(n, "changefeed", path);
            return new ChangefeedAction(f.text(n.get("namespace"), Fields.join(path, "namespace")), id,
                    f.enumValue(n.get("kind"), ChangefeedAction.Kind.class, Fields.join(path, "kind")),
                    f.text(n.get("code"), Fields.join(path, "code")), f.text(n.get("message"), Fields.join(path, "message")),
                    n.has("ts") ? f.tso(n.get("ts"), Fields.join(path, "ts")) : null,
                    f.duration(n.get("duration"), Fields.join(path, "duration")));
        } catch (IllegalArgumentException e) {
            if (e instanceof InputException s) throw s;
            throw f.error(path, e.getMessage());
        }
    }

    /** {@code {"downstream": "127.0.0.1:3306", "kind": "DOWN_FOR", "duration": "5m"}}; errors name the field. */
    private static Action downstream(JsonNode n, String path, Fields f) {
        String address = f.requiredText(n, "downstream", path);
        try {
            io.faketicdc.internal.config.DownstreamAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw f.error(Fields.join(path, "downstream"), e.getMessage());
        }
        DownstreamAction.Kind kind = f.enumValue(n.get("kind"), DownstreamAction.Kind.class, Fields.join(path, "kind"));
        Integer creates = n.has("creates") ? f.positiveInt(n.get("creates"), Fields.join(path, "creates")) : null;
        java.time.Duration duration = f.duration(n.get("duration"), Fields.join(path, "duration"));
        if (kind == DownstreamAction.Kind.DOWN_FOR_CREATES && creates == null) {
            throw f.error(Fields.join(path, "creates"), "DOWN_FOR_CREATES needs creates (a number from 1)");
        }
        if (kind == DownstreamAction.Kind.DOWN_FOR && (duration == null || duration.isZero() || duration.isNegative())) {
            throw f.error(Fields.join(path, "duration"), "DOWN_FOR needs a positive duration such as \"5m\"");
        }
        return new DownstreamAction(address, kind, creates, duration);
    }

    static ChangefeedSeed seed(JsonNode n, String path, Fields f) {
        f.known(n, path, "id", "namespace", "sinkUri", "state", "startTs", "targetTs", "checkpointTs", "replicaConfig", "error");
        ChangefeedSeed.Builder b = ChangefeedSeed.builder(f.requiredText(n, "id", path))
                .namespace(f.text(n.get("namespace"), Fields.join(path, "namespace")))
                .sinkUri(f.text(n.get("sinkUri"), Fields.join(path, "sinkUri")))
                .startTs(f.tso(n.get("startTs"), Fields.join(path, "startTs")))
                .targetTs(f.tso(n.get("targetTs"), Fields.join(path, "targetTs")))
                .checkpointTs(f.tso(n.get("checkpointTs"), Fields.join(path, "checkpointTs")));
        if (n.has("state")) b.state(f.enumValue(n.get("state"), ChangefeedState.class, Fields.join(path, "state")));
        JsonNode cfg = n.get("replicaConfig");
        if (cfg != null && !cfg.isNull()) {
            if (!cfg.isObject()) throw f.error(Fields.join(path, "replicaConfig"), "expected an object (the API's replica_config)");
            b.replicaConfig(cfg.toString());
        }
        JsonNode err = n.get("error");
        if (err != null && !err.isNull()) {
            String ep = Fields.join(path, "error");
            f.known(err, ep, "code", "message");
            b.error(f.requiredText(err, "code", ep), f.text(err.get("message"), Fields.join(ep, "message")));
        }
        return b.build();
    }
}
