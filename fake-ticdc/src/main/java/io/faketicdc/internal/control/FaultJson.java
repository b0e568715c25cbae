package io.faketicdc.internal.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.faketicdc.faults.ClusterFault;
import io.faketicdc.faults.FaultRule;

/**
 * Fault rules and cluster faults in scenario files and control requests: the records' own JSON
 * ({@code {"route": ..., "effect": {...}, "schedule": {...}}}, or {@code {"kind": "partition", "slot": 1}}
 * for a cluster fault), with errors that name the path and line.
 */
final class FaultJson {
    private FaultJson() { }

    /** A {@link FaultRule} or a {@link ClusterFault}. */
    static Object fault(JsonNode n, String path, Fields f) {
        if (!n.isObject()) throw f.error(path, "expected a fault rule or cluster fault object");
        Class<?> type = n.has("kind") ? ClusterFault.class : FaultRule.class;
        try {
            return ScenarioReader.MAPPER.treeToValue(n, type);
        } catch (JsonProcessingException e) {
            throw f.error(path, "not a valid " + (type == ClusterFault.class ? "cluster fault" : "fault rule") + ": "
                    + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw f.error(path, e.getMessage());
        }
    }
}
