package io.faketicdc.internal.faults;

import io.faketicdc.faults.Latency;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Delays of one fake: drawn from a generator seeded by the fake's seed (one sequence per fake),
 * waited on a latch that the fake's close releases, so closing stays prompt.
 */
final class Waits {
    private final long seed;
    private final CountDownLatch closed = new CountDownLatch(1);
    private SplittableRandom random;

    Waits(long seed) {
        this.seed = seed;
        reset();
    }

    synchronized void reset() {
        random = new SplittableRandom(seed ^ 0xDE1A7L);
    }

    synchronized Duration draw(Latency latency) {
        if (latency instanceof Latency.Fixed f) return f.delay();
        if (latency instanceof Latency.Uniform u) {
            long span = u.max().toNanos() - u.min().toNanos();
            return u.min().plusNanos(span == 0 ? 0 : (long) (random.nextDouble() * span));
        }
        Latency.LogNormal l = (Latency.LogNormal) latency;
        return Duration.ofNanos((long) (l.median().toNanos() * Math.exp(l.sigma() * random.nextGaussian())));
    }

    /** Waits a drawn delay; true when the fake closed meanwhile. */
    boolean sleep(Latency latency) {
        Duration d = draw(latency);
        try {
            return closed.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    void close() {
        closed.countDown();
    }
}
