package io.faketicdc.bench;

import java.util.Arrays;
import java.util.Locale;

/** Settings (system properties) and small statistics helpers shared by every part. */
public final class Bench {
    private Bench() { }

    /** Multiplies every count and duration; 0.2 is a quick smoke run, 2 a longer, steadier one. */
    public static double scale() {
        return Double.parseDouble(System.getProperty("bench.scale", "1.0"));
    }

    public static int scaled(String property, int dflt) {
        String v = System.getProperty(property);
        if (v != null) return Integer.parseInt(v);
        return Math.max(1, (int) Math.round(dflt * scale()));
    }

    /** Which parts run: "all", or a comma list of a,b,c,d,e,f,g. */
    public static boolean enabled(String part) {
        String only = System.getProperty("bench.only", "all");
        if (only.equals("all")) return true;
        return Arrays.asList(only.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).contains(part);
    }

    public static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public static double median(double... values) {
        double[] c = values.clone();
        Arrays.sort(c);
        return percentile(c, 50);
    }

    public static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    public static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }

    public static void log(String fmt, Object... args) {
        System.out.println("[bench] " + f(fmt, args));
        System.out.flush();
    }

    /** Forces (as far as the JVM lets us) a full collection and returns the used heap in bytes. */
    public static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime rt = Runtime.getRuntime();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
