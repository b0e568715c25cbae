package io.faketicdc.faults;

import java.time.Duration;
import java.util.List;

/**
 * The faults of one fake ({@code fake.faults()}): request rules, tried in the order added, and
 * cluster faults. For each client request the first rule that matches <em>and</em> whose schedule
 * fires wins; a matching rule whose schedule says no (or whose sequence is used up) lets later
 * rules be considered, and no rule firing means the real answer. A request is matched once, on the
 * port the client called ({@code slot}); the in-process hop to the owner is not matched again.
 * {@code fake.reset()} clears every fault.
 */
public interface Faults {

    /** Installs a request rule after the existing ones. */
    FaultHandle add(FaultRule rule);

    /** Installs a cluster fault. */
    FaultHandle add(ClusterFault fault);

    /** Removes a rule or cluster fault by ID; false when there is none. */
    boolean remove(String id);

    /** Removes every rule and cluster fault (ports reopen, the owner stops flapping...). */
    void clear();

    /** The installed rules, in order, with their IDs. */
    List<FaultRule> rules();

    /** The installed cluster faults. */
    List<ClusterFault> clusterFaults();

    /** The capture's port refuses connections; forwarding to it fails (see {@link ClusterFault.Partition}). */
    default FaultHandle partition(int slot) { return add(new ClusterFault.Partition(slot)); }

    /** The capture accepts connections and never answers. */
    default FaultHandle unresponsive(int slot) { return add(new ClusterFault.Unresponsive(slot)); }

    /** Ends the partition and unresponsiveness of a slot. */
    Faults heal(int slot);

    /** Whether a resign re-elects the same capture. */
    Faults stickyOwner(boolean sticky);

    /** Ownership moves to the next capture every {@code requests} client requests. */
    default FaultHandle flappingOwner(int requests) { return add(new ClusterFault.FlappingOwner(requests, null)); }

    /** Ownership moves to the next capture every {@code every} of the fake's clock. */
    default FaultHandle flappingOwner(Duration every) { return add(new ClusterFault.FlappingOwner(null, every)); }

    /** {@code /health} answers 500 {@code CDC:ErrClusterIsUnhealthy} (same as {@code cluster().unhealthy(true)}). */
    Faults unhealthy(boolean unhealthy);
}
