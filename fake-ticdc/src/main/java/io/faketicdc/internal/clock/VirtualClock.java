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

    /** Moves forward by {@code d}; refused (nothing changes) when the clock would leave the TSO range. */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("a clock advances forwards: " + d);
        if (d.compareTo(Duration.between(now(), Tso.MAX_INSTANT)) > 0) {
            throw new IllegalArgumentException("advancing by " + d + " leaves the TSO range (" + Tso.range() + ")");
        }
        base = base.plus(d);
    }

    /** Sets the clock; refused (nothing changes) outside the TSO range ({@link Tso#inRange}). */
    public synchronized void set(Instant instant) {
        if (!Tso.inRange(instant)) throw new IllegalArgumentException(instant + " is outside the TSO range (" + Tso.range() + ")");
        base = instant;
        baseNanoTime = System.nanoTime();
    }

    public boolean ticking() {
        return ticking;
    }
}
