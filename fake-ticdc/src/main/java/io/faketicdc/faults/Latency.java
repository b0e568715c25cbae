package io.faketicdc.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a {@link Effect.Delay} waits: fixed, uniform between two bounds, or log-normal around a
 * median. Random draws come from the fake's seed, so a fake with the same seed and the same
 * requests waits the same sequence of delays. In JSON: {@code {"kind":"uniform","min":"100ms","max":"2s"}}.
 */
public sealed interface Latency {

    static Latency fixed(Duration delay) {
        return new Fixed(delay);
    }

    static Latency uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    /** {@code median * e^(sigma * N(0,1))}: mostly near the median, with a long tail. */
    static Latency logNormal(Duration median, double sigma) {
        return new LogNormal(median, sigma);
    }

    record Fixed(Duration delay) implements Latency {
        public Fixed {
            requireNonNegative(delay, "delay");
        }
    }

    record Uniform(Duration min, Duration max) implements Latency {
        public Uniform {
            requireNonNegative(min, "min");
            requireNonNegative(max, "max");
            if (max.compareTo(min) < 0) throw new IllegalArgumentException("max " + max + " below min " + min);
        }
    }

    record LogNormal(Duration median, double sigma) implements Latency {
        public LogNormal {
            requireNonNegative(median, "median");
            if (!(sigma >= 0)) throw new IllegalArgumentException("sigma must be >= 0: " + sigma);
        }
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) throw new IllegalArgumentException("negative " + name + ": " + d);
    }
}
