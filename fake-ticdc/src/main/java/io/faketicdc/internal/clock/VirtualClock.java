package io.faketicdc.internal.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The fake's only source of time. Manual by default (moves only when told, so tests are
 * deterministic); in ticking mode it follows the wall clock from its start instant.
 */
public final class VirtualClock {
    private final boolean ticking;
    /**
     * The instant the clock read at a {@link System#nanoTime} reading, replaced as a whole: every
     * request reads the clock, without a lock; changes (advance, set) are serialised by the monitor.
     */
    private volatile Anchor anchor;

    private record Anchor(Instant base, long nanoTime) { }

    public VirtualClock(Instant start, boolean ticking) {
        this.ticking = ticking;
        this.anchor = new Anchor(start, System.nanoTime());
    }

    public Instant now() {
        Anchor a = anchor;
        if (!ticking) return a.base();
        return a.base().plusNanos(System.nanoTime() - a.nanoTime());
    }

    /** Moves forward by {@code d}; refused (nothing changes) when the clock would leave the TSO range. */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("a clock advances forwards: " + d);
        if (d.compareTo(Duration.between(now(), Tso.MAX_INSTANT)) > 0) {
            throw new IllegalArgumentException("advancing by " + d + " leaves the TSO range (" + Tso.range() + ")");
        }
        Anchor a = anchor;
        anchor = new Anchor(a.base().plus(d), a.nanoTime());
    }

    /** Sets the clock; refused (nothing changes) outside the TSO range ({@link Tso#inRange}). */
    public synchronized void set(Instant instant) {
        if (!Tso.inRange(instant)) throw new IllegalArgumentException(instant + " is outside the TSO range (" + Tso.range() + ")");
        anchor = new Anchor(instant, System.nanoTime());
    }

    public boolean ticking() {
        return ticking;
    }
}
