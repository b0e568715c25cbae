package io.faketicdc.bench;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.FakeTiCdc;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * cores: every server looked alike.) Each operation runs in a JVM of its own ({@link #main}), the
 * clients beside the server as before.
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
        long passMs = Bench.scaled("bench.c.jitWarmupMs", 12000);
        // each operation in a JVM of its own with the same fixed heap, as the issue measures (each contender
        // in its own JVM): in one shared JVM the old-generation garbage of one measurement (the creates'
        // changefeeds, WireMock's request journal) was collected in the next one's window, by a concurrent
        // mark cycle and mixed pauses of 18-45 ms (-Xlog:gc), and the fake's GET, measured after WireMock,
        // paid for it. In each JVM an unrecorded pass for the JIT first: 3 s was too short on two cores
        // with 64 client threads (the compilers were still at work in the measured window), 12 s is not.
        // Interleaved rounds: on a small shared machine the load drifts by 2x within minutes, so each
        // ratio compares measurements taken back to back, and the report gives the median over rounds
        Bench.log("(c) each operation in its own JVM (%s): JIT pass %d ms, warm-up %d ms, measured %d ms", HEAP, passMs, warmupMs, measureMs);
        List<Map<String, Result>> all = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Bench.log("(c) round %d of %d", round, rounds);
            Map<String, Result> results = new LinkedHashMap<>();
            for (String op : OPERATIONS) results.put(op, spawn(op, threads, passMs, warmupMs, measureMs));
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

    /** The operations, in a round's order (the fake's GET and bare Javalin's back to back). */
    static final List<String> OPERATIONS = List.of("fake GET changefeed", Servers.Kind.JAVALIN.label, FLOOR,
            "fake list (10 changefeeds)", "fake pause", "fake create", Servers.Kind.MOCKWEBSERVER.label, Servers.Kind.WIREMOCK.label);
    /** Every operation's JVM has this heap, fixed, so none grows or shrinks its heap while it is measured. */
    static final String HEAP = "-Xms2g -Xmx2g";

    /** An operation's JVM: {@code op threads passMs warmupMs measureMs}; prints one RESULT line. */
    public static void main(String[] args) throws Exception {
        String op = args[0];
        int threads = Integer.parseInt(args[1]);
        long passMs = Long.parseLong(args[2]);
        if (passMs > 0) measureOne(op, threads, 0, passMs);
        Result r = measureOne(op, threads, Long.parseLong(args[3]), Long.parseLong(args[4]));
        StringBuilder st = new StringBuilder();
        r.statuses().forEach((k, v) -> st.append(st.length() == 0 ? "" : ",").append(k).append('=').append(v));
        System.out.println(Bench.f("RESULT\t%f\t%f\t%f\t%d\t%s", r.perSecond(), r.p50Ms(), r.p99Ms(), r.requests(), st));
        System.out.flush();
        System.exit(0);
    }

    /** Runs one operation in a JVM of its own and reads its result. */
    static Result spawn(String op, int threads, long passMs, long warmupMs, long measureMs) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaCommand));
        cmd.addAll(List.of(HEAP.split(" ")));
        cmd.addAll(List.of("-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), Throughput.class.getName(), op,
                Integer.toString(threads), Long.toString(passMs), Long.toString(warmupMs), Long.toString(measureMs)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT\t")) result = line;
                else if (line.startsWith("[bench]")) System.err.println(line);
                else other.add(line);
            }
        }
        p.waitFor();
        if (result == null) throw new IllegalStateException("(c) " + op + ": the JVM printed no result: " + String.join("\n", other));
        String[] f = result.split("\t");
        Map<Integer, Long> statuses = new TreeMap<>();
        if (f.length > 5 && !f[5].isEmpty()) {
            for (String kv : f[5].split(",")) {
                String[] e = kv.split("=");
                statuses.put(Integer.parseInt(e[0]), Long.parseLong(e[1]));
            }
        }
        return new Result(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Long.parseLong(f[4]), statuses);
    }

    /** One operation against a server of its own, started for it and closed after. */
    static Result measureOne(String op, int threads, long warmupMs, long measureMs) throws Exception {
        switch (op) {
            case "fake GET changefeed": {
                try (FakeTiCdc fake = FakeTiCdc.create().start()) {
                    for (int i = 1; i <= 10; i++) fake.seed(ChangefeedSeed.builder("cf" + i).build());
                    byte[] get = RawClient.get(fake.port(), Servers.PATH);
                    return measure(op, fake.port(), threads, warmupMs, measureMs, (t, i) -> get);
                }
            }
            case FLOOR: {
                // the floor: the fake's own server answering the same bytes with no engine behind it
                try (Servers.Running floor = Servers.fakePortOnly(Servers.changefeedJson())) {
                    byte[] get = RawClient.get(floor.port(), Servers.PATH);
                    return measure(FLOOR + " static GET", floor.port(), threads, warmupMs, measureMs, (t, i) -> get);
                }
            }
            case "fake list (10 changefeeds)": {
                try (FakeTiCdc fake = FakeTiCdc.create().start()) {
                    for (int i = 1; i <= 10; i++) fake.seed(ChangefeedSeed.builder("cf" + i).build());
                    byte[] list = RawClient.get(fake.port(), "/api/v2/changefeeds");
                    return measure("fake list", fake.port(), threads, warmupMs, measureMs, (t, i) -> list);
                }
            }
            case "fake pause": {
                // each thread pauses its own changefeed over and over (the first pause stops it, the rest
                // pause an already stopped one: the same route, handler and validation every time)
                try (FakeTiCdc fake = FakeTiCdc.create().start()) {
                    int port = fake.port();
                    for (int t = 0; t < threads; t++) fake.seed(ChangefeedSeed.builder("p" + t).build());
                    byte[][] pauses = new byte[threads][];
                    for (int t = 0; t < threads; t++) pauses[t] = RawClient.post(port, "/api/v2/changefeeds/p" + t + "/pause", "");
                    return measure(op, port, threads, warmupMs, measureMs, (t, i) -> pauses[t]);
                }
            }
            case "fake create": {
                try (FakeTiCdc fake = FakeTiCdc.create().start()) {
                    int port = fake.port();
                    return measure(op, port, threads, warmupMs, measureMs, (t, i) ->
                            RawClient.post(port, "/api/v2/changefeeds",
                                    "{\"changefeed_id\":\"c" + t + "-" + i + "\",\"sink_uri\":\"blackhole://\"}"));
                }
            }
            default: {
                Servers.Kind k = Arrays.stream(Servers.Kind.values()).filter(x -> x.label.equals(op)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no operation " + op));
                try (Servers.Running s = Servers.start(k)) {
                    byte[] get = RawClient.get(s.port(), Servers.PATH);
                    return measure(k.label + " static GET", s.port(), threads, warmupMs, measureMs, (t, i) -> get);
                }
            }
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
