package io.faketicdc.internal.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The fake's only source of time. Manual by default (moves only when told, so tests are
 * deterministic); in ticking mode it follows the wall clock from its start instant.
 */
public final class VirtualClock {
    private final boolean ticking;
    private Instant base;
    private long baseNanoTime;

    public VirtualClock(Instant start, boolean ticking) {
        this.base = start;
        this.ticking = ticking;
        this.baseNanoTime = System.nanoTime();
    }

    public synchronized Instant now() {
        if (!ticking) return base;
        return base.plusNanos(System.nanoTime() - baseNanoTime);
    }

    public synchronized void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("a clock advances forwards: " + d);
        base = base.plus(d);
    }

    public synchronized void set(Instant instant) {
        base = instant;
        baseNanoTime = System.nanoTime();
    }

    public boolean ticking() {
        return ticking;
    }
}
