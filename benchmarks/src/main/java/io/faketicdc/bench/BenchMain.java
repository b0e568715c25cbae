package io.faketicdc.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs every part and prints one report: {@code java -jar benchmarks/target/benchmarks.jar}.
 *
 * <p>System properties: {@code bench.only} (a comma list of a..i, default all), {@code bench.scale}
 * (multiplies counts and durations, default 1.0), {@code bench.reportFile} (also write the report
 * there), {@code bench.standaloneJar}, and the per-part knobs in README.md.
 */
public final class BenchMain {
    private BenchMain() { }

    public static void main(String[] args) throws Exception {
        Report report = new Report();
        Instant start = Instant.now();
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (Bench.enabled("a")) part("a", () -> PerTestOverhead.run(report));
        if (Bench.enabled("c")) part("c", () -> Throughput.run(report));
        if (Bench.enabled("b")) part("b", () -> MicroParts.startStop(report));
        if (Bench.enabled("d")) part("d", () -> MicroParts.list(report));
        if (Bench.enabled("e")) part("e", () -> IdleFootprint.run(report));
        if (Bench.enabled("f")) part("f", () -> ColdStart.run(report));
        if (Bench.enabled("g")) part("g", () -> PathologicalCreate.run(report));
        if (Bench.enabled("h") || Bench.enabled("i")) part("h,i", () -> TestCycle.run(report));
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String machine = Bench.f("Machine: %d cores (availableProcessors), %s %s (%s), %s %s; load average %.2f at start,"
                        + " %.2f at end; scale %s; total %d s.",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"), load0, load1, Bench.scale(),
                Duration.between(start, Instant.now()).toSeconds());
        String text = report.render(machine);
        System.out.println();
        System.out.println(text);
        String file = System.getProperty("bench.reportFile");
        if (file != null) {
            Files.writeString(Path.of(file), text);
            System.out.println("(also written to " + file + ")");
        }
        System.exit(0);
    }

    interface Part {
        void run() throws Exception;
    }

    private static void part(String name, Part part) {
        long t0 = System.nanoTime();
        Bench.log("part (%s) ...", name);
        try {
            part.run();
        } catch (Throwable e) {
            Bench.log("part (%s) FAILED: %s", name, e);
            e.printStackTrace(System.out);
        }
        Bench.log("part (%s) took %d s", name, (System.nanoTime() - t0) / 1_000_000_000L);
    }
}
