package io.faketicdc.internal.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faketicdc.CaptureInfo;
import io.faketicdc.ChangefeedError;
import io.faketicdc.ChangefeedSnapshot;
import java.util.Optional;

/** The JSON the control API answers with: the fake's state as the Java API sees it. */
final class ControlViews {
    private final ControlledFake fake;

    ControlViews(ControlledFake fake) {
        this.fake = fake;
    }

    ObjectMapper mapper() {
        return ScenarioReader.MAPPER;
    }

    byte[] bytes(JsonNode n) {
        try {
            return mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ObjectNode state() {
        ObjectNode s = mapper().createObjectNode();
        s.set("clock", clock());
        s.put("profile", fake.config().profile().name());
        s.put("version", fake.config().effectiveVersion());
        ArrayNode captures = s.putArray("captures");
        for (CaptureInfo c : fake.captures()) {
            captures.addObject().put("slot", c.slot()).put("id", c.id()).put("address", c.address())
                    .put("url", fake.baseUrl(c.slot())).put("liveness", c.liveness()).put("isOwner", c.owner())
                    .put("ready", c.ready());
        }
        ArrayNode cfs = s.putArray("changefeeds");
        for (ChangefeedSnapshot cf : fake.changefeeds()) cfs.add(changefeed(cf));
        s.put("sinkCheck", fake.config().sinkCheck().name());
        ArrayNode down = s.putArray("downstreamsDown");
        for (String d : fake.downstreamsDown()) down.add(d);
        s.put("requests", fake.requests().count());
        return s;
    }

    /** The installed fault rules and cluster faults, as their records' JSON. */
    ObjectNode faults() {
        ObjectNode n = mapper().createObjectNode();
        n.set("rules", mapper().valueToTree(fake.faults().rules()));
        com.fasterxml.jackson.databind.node.ArrayNode cluster = n.putArray("clusterFaults");
        try {
            // written as the interface type, so each carries its "kind"
            for (io.faketicdc.faults.ClusterFault f : fake.faults().clusterFaults()) {
                cluster.add(mapper().readTree(mapper().writerFor(io.faketicdc.faults.ClusterFault.class).writeValueAsString(f)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    ObjectNode clock() {
        return mapper().createObjectNode().put("now", fake.now().toString()).put("ticking", fake.ticking());
    }

    ObjectNode changefeed(String namespace, String id) {
        return changefeed(fake.changefeed(namespace, id));
    }

    private ObjectNode changefeed(ChangefeedSnapshot cf) {
        ObjectNode n = mapper().createObjectNode().put("namespace", cf.namespace()).put("id", cf.id())
                .put("state", cf.state().wire()).put("sinkUri", cf.sinkUri())
                .put("startTs", cf.startTs()).put("targetTs", cf.targetTs())
                .put("checkpointTs", cf.checkpointTs()).put("resolvedTs", cf.resolvedTs());
        error(n, "error", cf.error());
        error(n, "warning", cf.warning());
        return n;
    }

    private void error(ObjectNode n, String name, Optional<ChangefeedError> e) {
        if (e.isEmpty()) return;
        ChangefeedError x = e.get();
        n.putObject(name).put("time", x.time().toString()).put("addr", x.addr()).put("code", x.code())
                .put("message", x.message());
    }
}
