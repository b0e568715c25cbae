package io.faketicdc.internal.cluster;

import java.util.HashSet;
import java.util.Set;

/**
 * The new architecture's drain, driven by the coordinator (pingcap/ticdc
 * coordinator/controller_drain.go; pkg/liveness/liveness.go): one target at a time; the session
 * ends only when the target leaves the cluster, so a poll for another node answers 1 until then.
 * The target turns Draining (liveness 1) and takes no new tables; its tables move away a batch per
 * poll (the count is taken before the batch moves); the remaining count is at least 1 until the node has been seen Draining and then Stopping
 * (liveness 2) with nothing left, and 0 from then on (also for a target that has left).
 * Owned by {@link Cluster}: called within its atomic steps only.
 */
final class CoordinatorDrain {
    private Capture target;
    private final Set<String> completed = new HashSet<>();

    int poll(Cluster cluster, Membership membership, String targetId, int batch) {
        if (target != null && !member(membership, target)) {
            completed.add(target.id());
            target = null;
        }
        Capture node = membership.byId(targetId);
        if (node == null || !member(membership, node)) return completed.contains(targetId) ? 0 : -1;
        if (target != null && target != node) return 1;
        if (target == null) {
            target = node;
            node.ticdcLiveness(Capture.DRAINING);
            membership.draining(node);
        }
        // the count is what the poll found; the batch moves after it (seen by the next poll)
        int remaining = TableScheduler.tablesOn(cluster, node) + cluster.creatingCount();
        TableScheduler.moveAway(cluster, node, batch);
        if (remaining > 0) return remaining;
        if (node.ticdcLiveness() == Capture.DRAINING) {
            node.ticdcLiveness(Capture.TICDC_STOPPING);
            return 1;
        }
        return 0;
    }

    private static boolean member(Membership membership, Capture c) {
        return membership.captures().contains(c);
    }
}
