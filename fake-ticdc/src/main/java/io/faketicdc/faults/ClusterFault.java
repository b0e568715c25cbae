package io.faketicdc.faults;

import java.time.Duration;

/**
 * A fault of the whole cluster rather than of single requests, as plain data
 * ({@code {"kind":"partition","slot":1}}). Each lasts until its handle is removed.
 */
public sealed interface ClusterFault {

    /** The fault's name in JSON and in the journal. */
    default String kind() {
        if (this instanceof Partition) return "partition";
        if (this instanceof Unresponsive) return "unresponsive";
        if (this instanceof StickyOwner) return "sticky-owner";
        if (this instanceof FlappingOwner) return "flapping-owner";
        if (this instanceof Unhealthy) return "unhealthy";
        throw new IllegalStateException("a cluster fault without a kind: " + getClass());
    }

    /**
     * The capture is cut off: its port refuses connections, and a non-owner forwarding to it (when
     * it is the owner) answers 500 with an empty code and Go's dial error. It stays a member (and
     * owner, if it was). Removing the fault reopens the port.
     */
    record Partition(int slot) implements ClusterFault { }

    /** The capture accepts connections but never answers (forwarding to it hangs too). */
    record Unresponsive(int slot) implements ClusterFault { }

    /** A resign re-elects the same capture (the case TiUP guards against). */
    record StickyOwner() implements ClusterFault { }

    /**
     * Ownership moves to the next capture every {@code everyRequests} client requests (any port),
     * or every {@code every} of the fake's clock, whichever is set.
     */
    record FlappingOwner(Integer everyRequests, Duration every) implements ClusterFault {
        public FlappingOwner {
            if ((everyRequests == null) == (every == null)) {
                throw new IllegalArgumentException("flapping owner needs exactly one of everyRequests and every");
            }
            if (everyRequests != null && everyRequests < 1) throw new IllegalArgumentException("everyRequests must be >= 1");
            if (every != null && (every.isZero() || every.isNegative())) throw new IllegalArgumentException("every must be > 0");
        }
    }

    /** {@code /health} answers 500 {@code CDC:ErrClusterIsUnhealthy}. */
    record Unhealthy() implements ClusterFault { }
}
