package io.faketicdc.bench;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.FakeTiCdc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (c) Throughput and latency under concurrent clients: T threads, each with its own java.net.http
 * client (HTTP/1.1, keep-alive), as fast as they can for a warm-up and then a measured window.
 */
public final class Throughput {
    private Throughput() { }

    /** Makes the i-th request of a thread. */
    interface Requests {
        HttpRequest make(int thread, long i);
    }

    record Result(double perSecond, double p50Ms, double p99Ms, long requests, Map<Integer, Long> statuses) { }

    public static void run(Report report) throws Exception {
        int threads = Integer.getInteger("bench.c.threads", 16);
        long warmupMs = Bench.scaled("bench.c.warmupMs", 1500);
        long measureMs = Bench.scaled("bench.c.measureMs", 3000);
        long passMs = Bench.scaled("bench.c.jitWarmupMs", 1000);
        Map<String, Result> results = new LinkedHashMap<>();
        // one unrecorded pass over every server and operation first, so no one pays for the JIT alone
        Bench.log("(c) JIT warm-up pass, %d ms per operation", passMs);
        measureAll(threads, 0, passMs, new LinkedHashMap<>());
        measureAll(threads, warmupMs, measureMs, results);

        Result fakeGet = results.get("fake GET changefeed");
        Map<String, Double> peersRps = new LinkedHashMap<>();
        Map<String, Double> peersP50 = new LinkedHashMap<>();
        Map<String, Double> peersP99 = new LinkedHashMap<>();
        for (Servers.Kind k : new Servers.Kind[] {Servers.Kind.JAVALIN, Servers.Kind.MOCKWEBSERVER, Servers.Kind.WIREMOCK}) {
            Result r = results.get(k.label);
            peersRps.put(k.label + " (static GET)", r.perSecond());
            peersP50.put(k.label + " (static GET)", r.p50Ms());
            peersP99.put(k.label + " (static GET)", r.p99Ms());
        }
        String threadsLabel = " (" + threads + " threads)";
        report.row("(c)", "throughput, GET changefeed" + threadsLabel, "req/s", false, fakeGet.perSecond(), peersRps, null);
        report.row("(c)", "latency p50, GET changefeed" + threadsLabel, "ms", true, fakeGet.p50Ms(), peersP50, null);
        report.row("(c)", "latency p99, GET changefeed" + threadsLabel, "ms", true, fakeGet.p99Ms(), peersP99, null);
        for (String op : new String[] {"fake list (10 changefeeds)", "fake create", "fake pause"}) {
            Result r = results.get(op);
            String name = op.substring(5);
            report.row("(c)", "throughput, " + name + threadsLabel, "req/s", false, r.perSecond(),
                    Map.of(Servers.Kind.JAVALIN.label + " (static GET)", results.get(Servers.Kind.JAVALIN.label).perSecond()), null);
            report.row("(c)", "latency p50, " + name, "ms", true, r.p50Ms(), Map.of(), null);
            report.row("(c)", "latency p99, " + name, "ms", true, r.p99Ms(), Map.of(), null);
        }
        for (var e : results.entrySet()) {
            Result r = e.getValue();
            report.detail(Bench.f("(c) %s: %.0f req/s, p50 %.3f ms, p99 %.3f ms, %d requests in %d ms, statuses %s",
                    e.getKey(), r.perSecond(), r.p50Ms(), r.p99Ms(), r.requests(), measureMs, r.statuses()));
        }
        double javalin = results.get(Servers.Kind.JAVALIN.label).perSecond();
        double wiremock = results.get(Servers.Kind.WIREMOCK.label).perSecond();
        report.target("(c) throughput GET changefeed >= 0.8 x bare Javalin",
                Bench.f("%.0f vs %.0f req/s (%.2fx)", fakeGet.perSecond(), javalin, fakeGet.perSecond() / javalin),
                ">= 0.8x", fakeGet.perSecond() >= 0.8 * javalin);
        report.target("(c) throughput GET changefeed >= 2 x WireMock",
                Bench.f("%.0f vs %.0f req/s (%.2fx)", fakeGet.perSecond(), wiremock, fakeGet.perSecond() / wiremock),
                ">= 2.0x", fakeGet.perSecond() >= 2 * wiremock);
    }

    private static void measureAll(int threads, long warmupMs, long measureMs, Map<String, Result> results)
            throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            for (int i = 1; i <= 10; i++) fake.seed(ChangefeedSeed.builder("cf" + i).build());
            String base = fake.baseUrl();
            HttpRequest get = HttpRequest.newBuilder(URI.create(base + Servers.PATH)).build();
            HttpRequest list = HttpRequest.newBuilder(URI.create(base + "/api/v2/changefeeds")).build();
            results.put("fake GET changefeed", measure("fake GET changefeed", threads, warmupMs, measureMs, (t, i) -> get));
            results.put("fake list (10 changefeeds)", measure("fake list", threads, warmupMs, measureMs, (t, i) -> list));
            // pause: each thread pauses its own changefeed over and over (the first pause stops it, the rest
            // pause an already stopped one: the same route, handler and validation every time)
            for (int t = 0; t < threads; t++) fake.seed(ChangefeedSeed.builder("p" + t).build());
            HttpRequest[] pauses = new HttpRequest[threads];
            for (int t = 0; t < threads; t++) {
                pauses[t] = HttpRequest.newBuilder(URI.create(base + "/api/v2/changefeeds/p" + t + "/pause"))
                        .POST(BodyPublishers.noBody()).build();
            }
            results.put("fake pause", measure("fake pause", threads, warmupMs, measureMs, (t, i) -> pauses[t]));
        }
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            URI uri = URI.create(fake.baseUrl() + "/api/v2/changefeeds");
            results.put("fake create", measure("fake create", threads, warmupMs, measureMs, (t, i) ->
                    HttpRequest.newBuilder(uri).POST(BodyPublishers.ofString(
                            "{\"changefeed_id\":\"c" + t + "-" + i + "\",\"sink_uri\":\"blackhole://\"}")).build()));
        }
        for (Servers.Kind k : new Servers.Kind[] {Servers.Kind.JAVALIN, Servers.Kind.MOCKWEBSERVER, Servers.Kind.WIREMOCK}) {
            try (Servers.Running s = Servers.start(k)) {
                HttpRequest get = HttpRequest.newBuilder(URI.create(s.baseUrl() + Servers.PATH)).build();
                results.put(k.label, measure(k.label + " static GET", threads, warmupMs, measureMs, (t, i) -> get));
            }
        }

    }

    static Result measure(String name, int threads, long warmupMs, long measureMs, Requests requests) throws Exception {
        HttpClient[] clients = new HttpClient[threads];
        for (int t = 0; t < threads; t++) {
            clients[t] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        }
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
                        HttpRequest req = requests.make(me, i++);
                        long t0 = System.nanoTime();
                        int status = clients[me].send(req, BodyHandlers.discarding()).statusCode();
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
        for (HttpClient c : clients) closeQuietly(c);
        Map<Integer, Long> st = new TreeMap<>();
        statuses.forEach((k, v) -> st.put(k, v.get()));
        Result r = new Result(total / (elapsed / 1e9), Bench.percentile(all, 50) / 1e6, Bench.percentile(all, 99) / 1e6,
                total, st);
        Bench.log("(c) %-32s %8.0f req/s  p50 %.3f ms  p99 %.3f ms  statuses %s", name, r.perSecond(), r.p50Ms(), r.p99Ms(), st);
        return r;
    }

    private static void closeQuietly(HttpClient c) {
        // HttpClient is AutoCloseable only from Java 21; on 17 its selector thread ends when it is unreachable
        if (c instanceof AutoCloseable a) {
            try {
                a.close();
            } catch (Exception ignored) {
                // nothing to do
            }
        }
    }

    private static final class Flags {
        volatile boolean measuring;
        volatile boolean stop;
    }
}
