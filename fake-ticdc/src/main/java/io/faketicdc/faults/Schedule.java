package io.faketicdc.faults;

/**
 * Which of a rule's matching requests it fires on, counting the requests that reach the rule
 * (1, 2, 3...). Probabilities draw from the fake's seed: the same seed and the same requests give
 * the same decisions.
 *
 * @param kind        the schedule
 * @param n           FIRST_N and AFTER_N: how many; EVERY_NTH: the period (unused otherwise)
 * @param probability PROBABILITY: the chance of firing, 0..1 (unused otherwise)
 */
public record Schedule(Kind kind, int n, double probability) {

    public enum Kind {
        /** Every matching request. */
        ALWAYS,
        /** The first {@code n} matching requests, then never. */
        FIRST_N,
        /** Skips the first {@code n} matching requests, then always. */
        AFTER_N,
        /** The {@code n}th, {@code 2n}th... matching request. */
        EVERY_NTH,
        /** Each matching request with this probability (seeded). */
        PROBABILITY
    }

    public Schedule {
        if (kind == null) kind = Kind.ALWAYS;
        if ((kind == Kind.FIRST_N || kind == Kind.AFTER_N) && n < 0) throw new IllegalArgumentException(kind + " needs n >= 0");
        if (kind == Kind.EVERY_NTH && n < 1) throw new IllegalArgumentException("EVERY_NTH needs n >= 1");
        if (kind == Kind.PROBABILITY && !(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be within 0..1: " + probability);
        }
    }

    public static Schedule always() { return new Schedule(Kind.ALWAYS, 0, 0); }

    public static Schedule firstN(int n) { return new Schedule(Kind.FIRST_N, n, 0); }

    public static Schedule afterN(int n) { return new Schedule(Kind.AFTER_N, n, 0); }

    public static Schedule everyNth(int n) { return new Schedule(Kind.EVERY_NTH, n, 0); }

    public static Schedule probability(double p) { return new Schedule(Kind.PROBABILITY, 0, p); }
}
