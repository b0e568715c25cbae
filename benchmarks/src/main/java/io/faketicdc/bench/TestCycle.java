package io.faketicdc.bench;

import com.sun.net.httpserver.HttpServer;
import io.faketicdc.ChangefeedSeed;
import io.faketicdc.FakeTiCdc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * (h) The per-test cycle of issue 20, and (i) the first such cycle in a fresh JVM. A cycle: start a
 * server on port 0 (the fake seeded with two changefeeds; the peers serving the same JSON
 * statically), a new {@code java.net.http.HttpClient}, one {@code GET /api/v2/changefeeds}, stop.
 * Each contender runs in its own JVM (this class's main): the first cycle is timed from the JVM's
 * start (class loading included), then W warm-up cycles, then N timed ones (start / GET / stop).
 * J JVMs per contender, the contenders interleaved; ratios are to the JDK's own HttpServer.
 */
public final class TestCycle {
    private TestCycle() { }

    /** The contenders, the JDK's HttpServer first (the ratios' denominator). */
    enum Kind { JDK, MOCKWEBSERVER, FAKE, FLOOR, JAVALIN, WIREMOCK }

    static final Map<Kind, String> LABELS = Map.of(Kind.JDK, "JDK HttpServer", Kind.MOCKWEBSERVER, "MockWebServer 5.5",
            Kind.FAKE, "fake-ticdc", Kind.FLOOR, "fake-ticdc port only (floor)", Kind.JAVALIN, "bare Javalin 7",
            Kind.WIREMOCK, "WireMock 3.13");

    static final String LIST = "/api/v2/changefeeds";

    /** What the fake answers to GET /api/v2/changefeeds with two seeded changefeeds (from the same JVM's fake). */
    static String listJson;

    public static void main(String[] args) throws Exception {
        // the parent's System.nanoTime() just before it spawned this JVM (CLOCK_MONOTONIC: one clock per machine)
        long spawnedAt = Long.parseLong(args[4]);
        Kind kind = Kind.valueOf(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int cycles = Integer.parseInt(args[2]);
        listJson = args.length > 3 ? new String(Base64.getDecoder().decode(args[3]), StandardCharsets.UTF_8) : "";
        long[] first = cycle(kind);
        long firstEnd = System.nanoTime();
        System.out.println(Bench.f("FIRST\t%d\t%d\t%d\t%d\t%d", (firstEnd - spawnedAt) / 1_000_000, first[0], first[1], first[2],
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()));
        int[] before = settledThreadsAndFds();
        for (int i = 0; i < warmup; i++) cycle(kind);
        StringBuilder sb = new StringBuilder("CYCLES");
        for (int i = 0; i < cycles; i++) {
            long[] c = cycle(kind);
            sb.append('\t').append(c[0]).append(',').append(c[1]).append(',').append(c[2]);
        }
        System.out.println(sb);
        int[] after = settledThreadsAndFds();
        System.out.println(Bench.f("LEAK\t%d\t%d\t%d\t%d", before[0], after[0], before[1], after[1]));
        System.out.flush();
        System.exit(0);
    }

    /** Live threads (but the JDK client's) and open file descriptors once the clients of finished cycles are collected. */
    static int[] settledThreadsAndFds() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        String[] fds = new java.io.File("/proc/self/fd").list();
        // the JDK client's own pool threads idle for a minute after their client is gone: not the server's
        int threads = (int) Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith("HttpClient-")).count();
        return new int[] {threads, fds == null ? -1 : fds.length};
    }

    /** One cycle: nanoseconds of start, GET with a new client, stop. */
    static long[] cycle(Kind kind) throws Exception {
        long t0 = System.nanoTime();
        Servers.Running server = start(kind);
        long t1 = System.nanoTime();
        HttpClient client = HttpClient.newHttpClient();
        var response = client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + LIST)).build(),
                BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("cf2")) {
            throw new IllegalStateException(kind + " answered " + response.statusCode() + ": " + response.body());
        }
        long t2 = System.nanoTime();
        server.close();
        long t3 = System.nanoTime();
        return new long[] {t1 - t0, t2 - t1, t3 - t2};
    }

    static Servers.Running start(Kind kind) {
        return switch (kind) {
            case FAKE -> Servers.fake(fake -> {
                fake.seed(ChangefeedSeed.builder("cf1").build());
                fake.seed(ChangefeedSeed.builder("cf2").build());
            });
            case JDK -> jdk(listJson);
            case MOCKWEBSERVER -> Servers.mockWebServerAt(listJson);
            case FLOOR -> Servers.fakePortOnly(listJson);
            case JAVALIN -> Servers.javalinAt(LIST, listJson);
            case WIREMOCK -> Servers.wireMockAt(LIST, listJson);
        };
    }

    static Servers.Running jdk(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(LIST, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return new Servers.Running() {
                @Override
                public int port() {
                    return server.getAddress().getPort();
                }

                @Override
                public void close() {
                    server.stop(0);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list body of a fake with two seeded changefeeds, which every peer serves statically. */
    static String fakeListJson() throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            fake.seed(ChangefeedSeed.builder("cf1").build());
            fake.seed(ChangefeedSeed.builder("cf2").build());
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + LIST)).build(),
                    BodyHandlers.ofString()).body();
        }
    }

    record Jvm(long firstMs, long firstStartNs, long firstGetNs, long firstStopNs, long classes, long[][] cycles) { }

    static Jvm spawn(Kind kind, int warmup, int cycles, String json) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TestCycle.class.getName(),
                kind.name(), Integer.toString(warmup), Integer.toString(cycles),
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)), "0")
                .redirectErrorStream(true);
        pb.command().set(pb.command().size() - 1, Long.toString(System.nanoTime()));
        Process p = pb.start();
        String firstLine = null;
        String cycleLine = null;
        List<String> other = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("FIRST\t")) firstLine = line;
                else if (line.startsWith("CYCLES")) cycleLine = line;
                else if (line.startsWith("LEAK\t") && cycles > 0) Bench.log("(h) %s after %d cycles: threads and fds %s",
                        LABELS.get(kind), warmup + cycles, line.substring(5).replace('\t', ' '));
                else if (other.size() < 20) other.add(line);
            }
        }
        p.waitFor();
        if (firstLine == null || cycleLine == null) {
            throw new IllegalStateException("no result from the " + kind + " cycle JVM: " + other);
        }
        String[] f = firstLine.split("\t");
        String[] c = cycleLine.split("\t");
        long[][] samples = new long[c.length - 1][];
        for (int i = 1; i < c.length; i++) samples[i - 1] = Arrays.stream(c[i].split(",")).mapToLong(Long::parseLong).toArray();
        return new Jvm(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5]), samples);
    }

    static double median(long[] values) {
        long[] c = values.clone();
        Arrays.sort(c);
        return Bench.percentile(c, 50);
    }

    public static void run(Report report) throws Exception {
        int jvms = Integer.getInteger("bench.h.jvms", 3);
        int warmup = Bench.scaled("bench.h.warmup", 100);
        int cycles = Bench.scaled("bench.h.cycles", 500);
        String json = fakeListJson();
        Map<Kind, List<Jvm>> results = new EnumMap<>(Kind.class);
        for (int j = 0; j < jvms; j++) {
            for (Kind k : Kind.values()) {
                Jvm r = spawn(k, warmup, cycles, json);
                results.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
                Bench.log("(h) JVM %d %-18s first cycle %d ms after the spawn (%d classes), warm cycle median %.2f ms",
                        j + 1, LABELS.get(k), r.firstMs(), r.classes(),
                        median(Arrays.stream(r.cycles()).mapToLong(x -> x[0] + x[1] + x[2]).toArray()) / 1e6);
            }
        }
        // (i) more fresh JVMs that run the first cycle only, interleaved, for a steadier median
        Map<Kind, List<Long>> firstOnly = new EnumMap<>(Kind.class);
        int freshJvms = Bench.scaled("bench.i.jvms", 7);
        for (int j = 0; j < freshJvms; j++) {
            for (Kind k : Kind.values()) {
                firstOnly.computeIfAbsent(k, x -> new ArrayList<>()).add(spawn(k, 0, 0, json).firstMs());
            }
        }
        Map<Kind, double[]> warm = new LinkedHashMap<>(); // total, start, get, stop medians over all cycles
        Map<Kind, Double> firsts = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            List<Jvm> rs = results.get(k);
            long[] all = rs.stream().flatMap(r -> Arrays.stream(r.cycles())).mapToLong(x -> x[0] + x[1] + x[2]).toArray();
            double[] phases = new double[4];
            phases[0] = median(all);
            for (int i = 0; i < 3; i++) {
                int phase = i;
                phases[i + 1] = median(rs.stream().flatMap(r -> Arrays.stream(r.cycles())).mapToLong(x -> x[phase]).toArray());
            }
            warm.put(k, phases);
            List<Long> fresh = new ArrayList<>(firstOnly.get(k));
            rs.forEach(r -> fresh.add(r.firstMs()));
            firsts.put(k, median(fresh.stream().mapToLong(Long::longValue).toArray()));
            report.detail(Bench.f("(i) %s: first cycle, spawn to answer, ms, %d fresh JVMs: %s", LABELS.get(k), fresh.size(),
                    fresh.stream().sorted().toList()));
            report.detail(Bench.f("(h) %s: warm cycle median %.2f ms (start %.2f / GET incl. new client %.2f / stop %.2f), "
                            + "p90 %.2f ms, %d JVMs x %d cycles after %d warm-up; first cycle after the spawn %s ms "
                            + "(its start %s ms), classes loaded by then %s",
                    LABELS.get(k), phases[0] / 1e6, phases[1] / 1e6, phases[2] / 1e6, phases[3] / 1e6,
                    pct(all, 90) / 1e6, rs.size(), cycles, warmup,
                    rs.stream().map(r -> Long.toString(r.firstMs())).toList(),
                    rs.stream().map(r -> Bench.f("%.0f", r.firstStartNs() / 1e6)).toList(),
                    rs.stream().map(r -> Long.toString(r.classes())).toList()));
        }
        double jdk = warm.get(Kind.JDK)[0];
        Map<String, Double> peers = new LinkedHashMap<>();
        Map<String, Double> firstPeers = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            if (k == Kind.FAKE) continue;
            peers.put(LABELS.get(k), warm.get(k)[0] / 1e6);
            firstPeers.put(LABELS.get(k), firsts.get(k));
        }
        for (Kind k : Kind.values()) {
            double[] p = warm.get(k);
            report.detail(Bench.f("(h) %s: warm cycle %.2f ms (%.2f x JDK HttpServer), start / GET / stop %.2f / %.2f / %.2f ms;"
                            + " first cycle in a fresh JVM %.0f ms", LABELS.get(k), p[0] / 1e6, p[0] / jdk, p[1] / 1e6,
                    p[2] / 1e6, p[3] / 1e6, firsts.get(k)));
        }
        report.row("(h)", "per-test cycle (start, new client, GET list of 2, stop), warm median", "ms", true,
                warm.get(Kind.FAKE)[0] / 1e6, peers, null);
        report.row("(i)", "first cycle in a fresh JVM, spawn to answer, median of JVMs", "ms", true, firsts.get(Kind.FAKE),
                firstPeers, null);
        double fake = warm.get(Kind.FAKE)[0];
        double mws = warm.get(Kind.MOCKWEBSERVER)[0];
        double floor = warm.get(Kind.FLOOR)[0];
        // the floor (the fake's server with no engine) beside each target: what the fake cannot go under
        report.target("(h) warm per-test cycle <= MockWebServer's",
                Bench.f("%.2f ms (%.2fx JDK) vs %.2f ms (%.2fx JDK): %.2fx; floor %.2f ms, %.2fx", fake / 1e6, fake / jdk,
                        mws / 1e6, mws / jdk, fake / mws, floor / 1e6, floor / mws),
                "<= 1.0x MockWebServer", fake <= mws);
        double wm = firsts.get(Kind.WIREMOCK);
        double firstFloor = firsts.get(Kind.FLOOR);
        report.target("(i) first cycle in a fresh JVM <= 0.6 x WireMock's",
                Bench.f("%.0f ms vs %.0f ms (%.2fx); floor %.0f ms, %.2fx", firsts.get(Kind.FAKE), wm, firsts.get(Kind.FAKE) / wm,
                        firstFloor, firstFloor / wm),
                "<= 0.6x WireMock", firsts.get(Kind.FAKE) <= 0.6 * wm);
    }

    static double pct(long[] values, double p) {
        long[] c = values.clone();
        Arrays.sort(c);
        return Bench.percentile(c, p);
    }
}
