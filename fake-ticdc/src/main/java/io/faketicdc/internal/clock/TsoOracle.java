package io.faketicdc.internal.clock;

/**
 * PD's timestamp oracle over the virtual clock: strictly increasing TSOs, physical part from
 * the clock (never moving backwards), logical part counting within one millisecond.
 */
public final class TsoOracle {
    private final VirtualClock clock;
    private long lastPhysical = -1;
    private long logical;

    public TsoOracle(VirtualClock clock) {
        this.clock = clock;
    }

    public synchronized long next() {
        long physical = Math.max(clock.now().toEpochMilli(), lastPhysical);
        if (physical == lastPhysical) {
            logical++;
            if (logical > Tso.MAX_LOGICAL) {
                physical++;
                logical = 0;
            }
        } else {
            logical = 0;
        }
        lastPhysical = physical;
        return Tso.compose(physical, logical);
    }

    public synchronized void reset() {
        lastPhysical = -1;
        logical = 0;
    }
}
