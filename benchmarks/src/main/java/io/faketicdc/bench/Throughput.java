package io.faketicdc.bench;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.FakeTiCdc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (c) Throughput and latency under concurrent clients: T threads, each with its own keep-alive
 * connection and a client as lean as wrk's ({@link RawClient}), as fast as they can for a warm-up
 * and then a measured window. (With java.net.http clients the clients' own CPU dominated on two
 * cores: every server looked alike.)
 */
public final class Throughput {
    private Throughput() { }

    /** Makes the i-th request of a thread, as the bytes sent on the wire. */
    interface Requests {
        byte[] make(int thread, long i);
    }

    record Result(double perSecond, double p50Ms, double p99Ms, long requests, Map<Integer, Long> statuses) { }

    public static void run(Report report) throws Exception {
        int threads = Integer.getInteger("bench.c.threads", 16);
        int rounds = Integer.getInteger("bench.c.rounds", 3);
        long warmupMs = Bench.scaled("bench.c.warmupMs", 3000);
        long measureMs = Bench.scaled("bench.c.measureMs", 3000);
        long passMs = Bench.scaled("bench.c.jitWarmupMs", 6000);
        // one unrecorded pass over every server and operation first, so no one pays for the JIT alone
        Bench.log("(c) JIT warm-up pass, %d ms per operation", passMs);
        measureAll(threads, 0, passMs, new LinkedHashMap<>());
        // then interleaved rounds: on a small shared machine the load drifts by 2x within minutes, so each
        // ratio compares measurements taken back to back, and the report gives the median over rounds
        List<Map<String, Result>> all = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Bench.log("(c) round %d of %d", round, rounds);
            Map<String, Result> results = new LinkedHashMap<>();
            measureAll(threads, warmupMs, measureMs, results);
            all.add(results);
        }
        String get = "fake GET changefeed";
        String javalin = Servers.Kind.JAVALIN.label;
        String wiremock = Servers.Kind.WIREMOCK.label;
        Map<String, Double> peersRps = new LinkedHashMap<>();
        Map<String, Double> peersP50 = new LinkedHashMap<>();
        Map<String, Double> peersP99 = new LinkedHashMap<>();
        for (Servers.Kind k : new Servers.Kind[] {Servers.Kind.JAVALIN, Servers.Kind.MOCKWEBSERVER, Servers.Kind.WIREMOCK}) {
            peersRps.put(k.label + " (static GET)", median(all, k.label, Result::perSecond));
            peersP50.put(k.label + " (static GET)", median(all, k.label, Result::p50Ms));
            peersP99.put(k.label + " (static GET)", median(all, k.label, Result::p99Ms));
        }
        peersRps.put(FLOOR + " (static GET)", median(all, FLOOR, Result::perSecond));
        peersP50.put(FLOOR + " (static GET)", median(all, FLOOR, Result::p50Ms));
        peersP99.put(FLOOR + " (static GET)", median(all, FLOOR, Result::p99Ms));
        String threadsLabel = " (" + threads + " threads, median of " + rounds + " rounds)";
        report.row("(c)", "throughput, GET changefeed" + threadsLabel, "req/s", false, median(all, get, Result::perSecond), peersRps, null);
        report.row("(c)", "latency p50, GET changefeed" + threadsLabel, "ms", true, median(all, get, Result::p50Ms), peersP50, null);
        report.row("(c)", "latency p99, GET changefeed" + threadsLabel, "ms", true, median(all, get, Result::p99Ms), peersP99, null);
        for (String op : new String[] {"fake list (10 changefeeds)", "fake create", "fake pause"}) {
            String name = op.substring(5);
            report.row("(c)", "throughput, " + name + threadsLabel, "req/s", false, median(all, op, Result::perSecond),
                    Map.of(javalin + " (static GET)", median(all, javalin, Result::perSecond)), null);
            report.row("(c)", "latency p50, " + name, "ms", true, median(all, op, Result::p50Ms), Map.of(), null);
            report.row("(c)", "latency p99, " + name, "ms", true, median(all, op, Result::p99Ms), Map.of(), null);
        }
        for (int round = 0; round < all.size(); round++) {
            for (var e : all.get(round).entrySet()) {
                Result r = e.getValue();
                report.detail(Bench.f("(c) round %d, %s: %.0f req/s, p50 %.3f ms, p99 %.3f ms, %d requests in %d ms, statuses %s",
                        round + 1, e.getKey(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.requests(), measureMs, r.statuses()));
            }
        }
        double[] vsJavalin = ratios(all, get, javalin);
        double[] vsWiremock = ratios(all, get, wiremock);
        double[] p99VsJavalin = p99Ratios(all, get, javalin);
        report.target("(c) p99 GET changefeed <= bare Javalin's (median of per-round ratios)",
                Bench.f("%.2fx (rounds: %s)", median(p99VsJavalin), Arrays.toString(round2(p99VsJavalin))),
                "<= 1.0x", median(p99VsJavalin) <= 1.0);
        report.target("(c) throughput GET changefeed >= 0.8 x bare Javalin (median of per-round ratios)",
                Bench.f("%.2fx (rounds: %s)", median(vsJavalin), Arrays.toString(round2(vsJavalin))),
                ">= 0.8x", median(vsJavalin) >= 0.8);
        report.target("(c) throughput GET changefeed >= 2 x WireMock (median of per-round ratios)",
                Bench.f("%.2fx (rounds: %s)", median(vsWiremock), Arrays.toString(round2(vsWiremock))),
                ">= 2.0x", median(vsWiremock) >= 2.0);
    }

    private static double median(List<Map<String, Result>> rounds, String key,
            java.util.function.ToDoubleFunction<Result> value) {
        double[] v = new double[rounds.size()];
        for (int i = 0; i < v.length; i++) v[i] = value.applyAsDouble(rounds.get(i).get(key));
        return median(v);
    }

    private static double[] ratios(List<Map<String, Result>> rounds, String ours, String peer) {
        double[] v = new double[rounds.size()];
        for (int i = 0; i < v.length; i++) v[i] = rounds.get(i).get(ours).perSecond() / rounds.get(i).get(peer).perSecond();
        return v;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Per round, the p99 of {@code a} over the p99 of {@code b}. */
    private static double[] p99Ratios(List<Map<String, Result>> all, String a, String b) {
        return all.stream().mapToDouble(r -> r.get(a).p99Ms() / r.get(b).p99Ms()).toArray();
    }

    /** The fake's own server with no engine (see {@link Servers#fakePortOnly}). */
    private static final String FLOOR = "fake-ticdc port only (floor)";

    private static String[] round2(double[] v) {
        String[] out = new String[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Bench.f("%.2f", v[i]);
        return out;
    }

    private static void measureAll(int threads, long warmupMs, long measureMs, Map<String, Result> results)
            throws Exception {
        // the fake's GET and bare Javalin's run back to back, the ratio that matters most
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            for (int i = 1; i <= 10; i++) fake.seed(ChangefeedSeed.builder("cf" + i).build());
            byte[] get = RawClient.get(fake.port(), Servers.PATH);
            results.put("fake GET changefeed", measure("fake GET changefeed", fake.port(), threads, warmupMs, measureMs, (t, i) -> get));
        }
        measurePeer(Servers.Kind.JAVALIN, threads, warmupMs, measureMs, results);
        // the floor: the fake's own server answering the same bytes with no engine behind it
        try (Servers.Running floor = Servers.fakePortOnly(Servers.changefeedJson())) {
            byte[] get = RawClient.get(floor.port(), Servers.PATH);
            results.put(FLOOR, measure(FLOOR + " static GET", floor.port(), threads, warmupMs, measureMs, (t, i) -> get));
        }
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            for (int i = 1; i <= 10; i++) fake.seed(ChangefeedSeed.builder("cf" + i).build());
            int port = fake.port();
            byte[] list = RawClient.get(port, "/api/v2/changefeeds");
            results.put("fake list (10 changefeeds)", measure("fake list", port, threads, warmupMs, measureMs, (t, i) -> list));
            // pause: each thread pauses its own changefeed over and over (the first pause stops it, the rest
            // pause an already stopped one: the same route, handler and validation every time)
            for (int t = 0; t < threads; t++) fake.seed(ChangefeedSeed.builder("p" + t).build());
            byte[][] pauses = new byte[threads][];
            for (int t = 0; t < threads; t++) pauses[t] = RawClient.post(port, "/api/v2/changefeeds/p" + t + "/pause", "");
            results.put("fake pause", measure("fake pause", port, threads, warmupMs, measureMs, (t, i) -> pauses[t]));
        }
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            int port = fake.port();
            results.put("fake create", measure("fake create", port, threads, warmupMs, measureMs, (t, i) ->
                    RawClient.post(port, "/api/v2/changefeeds",
                            "{\"changefeed_id\":\"c" + t + "-" + i + "\",\"sink_uri\":\"blackhole://\"}")));
        }
        measurePeer(Servers.Kind.MOCKWEBSERVER, threads, warmupMs, measureMs, results);
        measurePeer(Servers.Kind.WIREMOCK, threads, warmupMs, measureMs, results);
    }

    private static void measurePeer(Servers.Kind k, int threads, long warmupMs, long measureMs, Map<String, Result> results)
            throws Exception {
        try (Servers.Running s = Servers.start(k)) {
            byte[] get = RawClient.get(s.port(), Servers.PATH);
            results.put(k.label, measure(k.label + " static GET", s.port(), threads, warmupMs, measureMs, (t, i) -> get));
        }
    }

    static Result measure(String name, int port, int threads, long warmupMs, long measureMs, Requests requests) throws Exception {
        RawClient[] clients = new RawClient[threads];
        for (int t = 0; t < threads; t++) clients[t] = new RawClient(port);
        long[][] lat = new long[threads][];
        int[] counts = new int[threads];
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        Flags flags = new Flags();
        CountDownLatch done = new CountDownLatch(threads);
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int me = t;
            ts[t] = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                long i = 0;
                try {
                    while (!flags.stop) {
                        byte[] req = requests.make(me, i++);
                        long t0 = System.nanoTime();
                        int status = clients[me].send(req);
                        long dt = System.nanoTime() - t0;
                        if (flags.measuring && !flags.stop) {
                            if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                            mine[n++] = dt;
                            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    Bench.log("(c) %s: client error %s", name, e);
                } finally {
                    lat[me] = Arrays.copyOf(mine, n);
                    counts[me] = n;
                    done.countDown();
                }
            }, "bench-client-" + t);
            ts[t].start();
        }
        Thread.sleep(warmupMs);
        flags.measuring = true;
        long t0 = System.nanoTime();
        Thread.sleep(measureMs);
        flags.stop = true;
        long elapsed = System.nanoTime() - t0;
        done.await();
        long total = 0;
        for (int c : counts) total += c;
        long[] all = new long[(int) total];
        int pos = 0;
        for (long[] l : lat) {
            System.arraycopy(l, 0, all, pos, l.length);
            pos += l.length;
        }
        Arrays.sort(all);
        for (RawClient c : clients) c.close();
        Map<Integer, Long> st = new TreeMap<>();
        statuses.forEach((k, v) -> st.put(k, v.get()));
        Result r = new Result(total / (elapsed / 1e9), Bench.percentile(all, 50) / 1e6, Bench.percentile(all, 99) / 1e6,
                total, st);
        Bench.log("(c) %-32s %8.0f req/s  p50 %.3f ms  p99 %.3f ms  statuses %s", name, r.perSecond(), r.p50Ms(), r.p99Ms(), st);
        return r;
    }

    private static final class Flags {
        volatile boolean measuring;
        volatile boolean stop;
    }
}
