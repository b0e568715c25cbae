package io.faketicdc.internal.clock;

import java.time.Instant;

/** PD timestamps: {@code (physical_ms << 18) | logical}, logical in 0..262143. */
public final class Tso {
    public static final int LOGICAL_BITS = 18;
    public static final long MAX_LOGICAL = (1L << LOGICAL_BITS) - 1;

    private Tso() { }

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
