package io.faketicdc.internal.clock;

import java.time.Instant;

/** PD timestamps: {@code (physical_ms << 18) | logical}, logical in 0..262143. */
public final class Tso {
    public static final int LOGICAL_BITS = 18;
    public static final long MAX_LOGICAL = (1L << LOGICAL_BITS) - 1;

    /** The last instant a TSO can hold: its physical milliseconds fit in 46 bits (year 4199). */
    public static final Instant MAX_INSTANT = Instant.ofEpochMilli((1L << (64 - LOGICAL_BITS)) - 1);

    private Tso() { }

    /** Whether a clock at {@code instant} gives valid TSOs: not before the Unix epoch, not after {@link #MAX_INSTANT}. */
    public static boolean inRange(Instant instant) {
        return !instant.isBefore(Instant.EPOCH) && !instant.isAfter(MAX_INSTANT);
    }

    /** The range {@link #inRange} accepts, in words. */
    public static String range() {
        return Instant.EPOCH + " to " + MAX_INSTANT;
    }

    public static long compose(long physicalMillis, long logical) {
        return (physicalMillis << LOGICAL_BITS) | logical;
    }

    public static long physical(long tso) {
        return tso >>> LOGICAL_BITS;
    }

    public static long logical(long tso) {
        return tso & MAX_LOGICAL;
    }

    public static Instant toInstant(long tso) {
        return Instant.ofEpochMilli(physical(tso));
    }

    public static long of(Instant instant) {
        return compose(instant.toEpochMilli(), 0);
    }
}
