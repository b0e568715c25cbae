package io.faketicdc.bench;

import io.faketicdc.bench.jmh.ListBenchmark;
import io.faketicdc.bench.jmh.StartStopBenchmark;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/** (b) and (d) through JMH: one forked JVM per benchmark and parameter, every call timed (SampleTime). */
public final class MicroParts {
    private MicroParts() { }

    public static void startStop(Report report) throws Exception {
        Options opts = new OptionsBuilder().include(StartStopBenchmark.class.getName())
                .forks(1).threads(1)
                .warmupIterations(Bench.scaled("bench.b.warmupIterations", 3)).warmupTime(TimeValue.seconds(1))
                .measurementIterations(Bench.scaled("bench.b.iterations", 5)).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Statistics> byKind = new LinkedHashMap<>();
        for (RunResult r : results) byKind.put(r.getParams().getParam("kind"), r.getPrimaryResult().getStatistics());
        Statistics fake = byKind.get("FAKE");
        Map<String, Double> peers = new LinkedHashMap<>();
        for (String k : new String[] {"MOCKWEBSERVER", "WIREMOCK", "JAVALIN"}) {
            if (byKind.containsKey(k)) peers.put(Servers.Kind.of(k).label, byKind.get(k).getPercentile(50));
        }
        report.row("(b)", "start+stop cycle, median", "ms", true, fake.getPercentile(50), peers, null);
        for (var e : byKind.entrySet()) {
            Statistics s = e.getValue();
            report.detail(Bench.f("(b) %s start+stop: n=%d cycles, p10 %.3f, p50 %.3f, p90 %.3f, p99 %.3f, max %.3f ms",
                    Servers.Kind.of(e.getKey()).label, s.getN(), s.getPercentile(10), s.getPercentile(50),
                    s.getPercentile(90), s.getPercentile(99), s.getMax()));
        }
    }

    /** (d) The list with N (default 10,000) seeded changefeeds, one client, every request timed. */
    public static void list(Report report) throws Exception {
        int n = Integer.getInteger("bench.d.changefeeds", 10_000);
        java.nio.file.Path seedFile = java.nio.file.Files.createTempFile("bench-seed", ".txt");
        Options opts = new OptionsBuilder().include(ListBenchmark.class.getName())
                .param("changefeeds", Integer.toString(n))
                .forks(1).threads(1)
                .warmupIterations(Bench.scaled("bench.d.warmupIterations", 3)).warmupTime(TimeValue.seconds(1))
                .measurementIterations(Bench.scaled("bench.d.iterations", 5)).measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g", "-Dbench.d.seedFile=" + seedFile)
                .build();
        RunResult r = new Runner(opts).runSingle();
        Statistics s = r.getPrimaryResult().getStatistics();
        double seedSeconds = Double.NaN;
        String seeded = java.nio.file.Files.readString(seedFile).trim();
        if (!seeded.isEmpty()) seedSeconds = Long.parseLong(seeded) / 1e9;
        java.nio.file.Files.deleteIfExists(seedFile);
        report.row("(d)", "GET /api/v2/changefeeds with " + n + " changefeeds, median", "ms", true,
                s.getPercentile(50), Map.of(), null);
        report.row("(d)", "seeding " + n + " changefeeds with fake.seed(...), total", "s", true, seedSeconds, Map.of(), null);
        report.detail(Bench.f("(d) list of %d: n=%d requests, p10 %.3f, p50 %.3f, p90 %.3f, p99 %.3f, max %.3f ms;"
                        + " seeding them took %.1f s (%.2f ms per seed on average)",
                n, s.getN(), s.getPercentile(10), s.getPercentile(50), s.getPercentile(90), s.getPercentile(99), s.getMax(),
                seedSeconds, seedSeconds * 1000 / n));
        if (n >= 10_000) {
            report.target("(d) GET /api/v2/changefeeds with " + n + " changefeeds",
                    Bench.f("%.2f ms median (p99 %.2f ms)", s.getPercentile(50), s.getPercentile(99)), "<= 20 ms",
                    s.getPercentile(50) <= 20.0);
        } else {
            double projected = s.getPercentile(50) * 10_000 / n;
            report.target("(d) GET /api/v2/changefeeds with 10000 changefeeds (projected linearly from " + n
                            + "; -Dbench.d.changefeeds=10000 measures it)",
                    Bench.f("~%.0f ms (%.2f ms measured at %d)", projected, s.getPercentile(50), n), "<= 20 ms",
                    projected <= 20.0);
        }
    }
}
