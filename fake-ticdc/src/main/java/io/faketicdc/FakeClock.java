package io.faketicdc;

import io.faketicdc.internal.cluster.Cluster;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The fake's clock. TSOs, {@code checkpoint_time}, {@code create_time}, back-off timers, stuck
 * durations, checkpoint progress and scheduled changes all read it, so advancing it by ten
 * minutes drives what ten real minutes would, deterministically and at once.
 */
public final class FakeClock {
    private final Supplier<Cluster> cluster;

    FakeClock(Supplier<Cluster> cluster) {
        this.cluster = cluster;
    }

    public Instant now() {
        return cluster.get().clock().now();
    }

    /** Moves the clock forward and lets everything due in between happen, in time order. */
    public FakeClock advance(Duration d) {
        cluster.get().advanceClock(d);
        return this;
    }

    /** Sets the clock (forward or back; TSOs never go backwards). */
    public FakeClock set(Instant instant) {
        cluster.get().setClock(instant);
        return this;
    }

    /** Whether the clock follows real time (the standalone jar) rather than moving only when told. */
    public boolean ticking() {
        return cluster.get().clock().ticking();
    }
}
