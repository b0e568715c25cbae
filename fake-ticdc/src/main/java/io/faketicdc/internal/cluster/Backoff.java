package io.faketicdc.internal.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * cenkalti/backoff's ExponentialBackOff as TiCDC configures it for restarting a failing
 * changefeed: 10 s initial, x2, capped at 10 min, +-10 % jitter (drawn from the fake's seed), and
 * "stop" once the elapsed time plus the next interval would pass the stuck duration.
 */
final class Backoff {
    static final Duration INITIAL = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(10);

    private final SplittableRandom random;
    private Instant start;
    private long currentNanos;

    Backoff(SplittableRandom random) {
        this.random = random;
    }

    void reset(Instant now) {
        start = now;
        currentNanos = INITIAL.toNanos();
    }

    /** The next interval, or null for "stop" (give up). */
    Duration next(Instant now, Duration maxElapsed) {
        long elapsed = Duration.between(start, now).toNanos();
        double delta = 0.1 * currentNanos;
        long next = (long) (currentNanos - delta + random.nextDouble() * (2 * delta + 1));
        currentNanos = Math.min(currentNanos * 2, MAX.toNanos());
        if (!maxElapsed.isZero() && elapsed + next > maxElapsed.toNanos()) return null;
        return Duration.ofNanos(next);
    }
}
