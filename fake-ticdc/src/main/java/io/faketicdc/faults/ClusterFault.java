package io.faketicdc.faults;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonSubTypes.Type;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.faketicdc.internal.faults.DurationJson;
import java.time.Duration;

/**
 * A fault of the whole cluster rather than of single requests, as plain data
 * ({@code {"kind":"partition","slot":1}}). Each lasts until its handle is removed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@Type(ClusterFault.Partition.class), @Type(ClusterFault.Unresponsive.class),
        @Type(ClusterFault.StickyOwner.class), @Type(ClusterFault.FlappingOwner.class),
        @Type(ClusterFault.Unhealthy.class)})
public sealed interface ClusterFault {

    /** The fault's name in JSON and in the journal. */
    default String kind() {
        return getClass().getAnnotation(JsonTypeName.class).value();
    }

    /**
     * The capture is cut off: its port refuses connections, and a non-owner forwarding to it (when
     * it is the owner) answers 500 with an empty code and Go's dial error. It stays a member (and
     * owner, if it was). Removing the fault reopens the port.
     */
    @JsonTypeName("partition") record Partition(int slot) implements ClusterFault { }

    /** The capture accepts connections but never answers (forwarding to it hangs too). */
    @JsonTypeName("unresponsive") record Unresponsive(int slot) implements ClusterFault { }

    /** A resign re-elects the same capture (the case TiUP guards against). */
    @JsonTypeName("sticky-owner") record StickyOwner() implements ClusterFault { }

    /**
     * Ownership moves to the next capture every {@code everyRequests} client requests (any port),
     * or every {@code every} of the fake's clock, whichever is set.
     */
    @JsonTypeName("flapping-owner") record FlappingOwner(
            Integer everyRequests,
            @JsonSerialize(using = DurationJson.Out.class) @JsonDeserialize(using = DurationJson.In.class)
            Duration every) implements ClusterFault {
        public FlappingOwner {
            if ((everyRequests == null) == (every == null)) {
                throw new IllegalArgumentException("flapping owner needs exactly one of everyRequests and every");
            }
            if (everyRequests != null && everyRequests < 1) throw new IllegalArgumentException("everyRequests must be >= 1");
            if (every != null && (every.isZero() || every.isNegative())) throw new IllegalArgumentException("every must be > 0");
        }
    }

    /** {@code /health} answers 500 {@code CDC:ErrClusterIsUnhealthy}. */
    @JsonTypeName("unhealthy") record Unhealthy() implements ClusterFault { }
}
