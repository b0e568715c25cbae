package io.faketicdc.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * (f) Cold start of the standalone jar to its first 200: spawn
 * {@code java [flags] -jar fake-ticdc-<version>-standalone.jar --addr 127.0.0.1:<port>} and poll
 * {@code GET /api/v2/health} (raw socket, connect retries every millisecond) until it answers 200.
 * Timed from just before the spawn to the 200; median of N spawns per variant.
 */
public final class ColdStart {
    private ColdStart() { }

    /** @param launcher a script to run instead of {@code java [flags] -jar}, or null */
    record Variant(String label, List<String> flags, Path launcher) {
        Variant(String label, List<String> flags) {
            this(label, flags, null);
        }
    }

    public static void run(Report report) throws Exception {
        Path jar = standaloneJar();
        int spawns = Bench.scaled("bench.f.spawns", 10);
        Path dir = Files.createTempDirectory("fake-ticdc-cds");
        Path jsa = dir.resolve("app.jsa");
        Path jsaC1 = dir.resolve("app-c1.jsa");
        List<String> c1 = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        List<String> fakeArgs = List.of("-jar", jar.toString());

        // the AppCDS archives: one run each that dumps the classes it loaded at exit (a clean shutdown)
        createArchive(jar, List.of("-XX:ArchiveClassesAtExit=" + jsa), jsa);
        List<String> c1Dump = new ArrayList<>(c1);
        c1Dump.add("-XX:ArchiveClassesAtExit=" + jsaC1);
        createArchive(jar, c1Dump, jsaC1);

        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("default JVM flags", List.of()));
        variants.add(new Variant("-XX:TieredStopAtLevel=1 -XX:+UseSerialGC", c1));
        if (Files.exists(jsa)) variants.add(new Variant("AppCDS (-XX:SharedArchiveFile)", List.of("-XX:SharedArchiveFile=" + jsa)));
        if (Files.exists(jsaC1)) {
            List<String> both = new ArrayList<>(c1);
            both.add("-XX:SharedArchiveFile=" + jsaC1);
            variants.add(new Variant("AppCDS + TieredStopAtLevel=1 + SerialGC", both));
        }
        // what a user runs: the launcher records its archive on the first (uncounted) spawn, next to a copy of the jar
        Path script = jar.getParent().getParent().resolve("bin/fake-ticdc");
        launcherJar = dir.resolve(jar.getFileName());
        if (Files.isExecutable(script)) {
            Files.copy(jar, launcherJar);
            variants.add(new Variant("launcher fake-ticdc/bin/fake-ticdc", List.of(), script));
        }

        Map<String, Double> medians = new LinkedHashMap<>();
        for (Variant v : variants) {
            double[] times = new double[spawns];
            List<String> args = v.launcher() == null ? fakeArgs : List.of();
            launcher = v.launcher();
            spawnOnce(v.flags(), args, "/api/v2/health"); // not counted: page cache, JIT of this poller (the launcher's archive)
            for (int i = 0; i < spawns; i++) times[i] = spawnOnce(v.flags(), args, "/api/v2/health");
            launcher = null;
            Arrays.sort(times);
            medians.put(v.label(), Bench.percentile(times, 50));
            Bench.log("(f) %-45s median %.0f ms (min %.0f, max %.0f) over %d spawns", v.label(),
                    Bench.percentile(times, 50) / 1e6, times[0] / 1e6, times[times.length - 1] / 1e6, spawns);
            report.detail(Bench.f("(f) fake standalone, %s: median %.0f ms, min %.0f, p90 %.0f, max %.0f ms over %d spawns",
                    v.label(), Bench.percentile(times, 50) / 1e6, times[0] / 1e6, Bench.percentile(times, 90) / 1e6,
                    times[times.length - 1] / 1e6, spawns));
        }

        Map<String, Double> peers = new LinkedHashMap<>();
        Path wiremock = wireMockJar();
        if (wiremock != null) {
            double[] times = new double[spawns];
            List<String> args = List.of("-jar", wiremock.toString(), "--bind-address", "127.0.0.1", "--disable-banner");
            spawnOnce(List.of(), args, "/__admin/mappings");
            for (int i = 0; i < spawns; i++) times[i] = spawnOnce(List.of(), args, "/__admin/mappings");
            Arrays.sort(times);
            peers.put("WireMock 3 standalone jar, default flags", Bench.percentile(times, 50) / 1e6);
            report.detail(Bench.f("(f) WireMock standalone jar (%s), default flags: median %.0f ms, min %.0f, max %.0f ms over %d spawns",
                    wiremock.getFileName(), Bench.percentile(times, 50) / 1e6, times[0] / 1e6, times[times.length - 1] / 1e6, spawns));
        }
        double best = Double.MAX_VALUE;
        String bestLabel = null;
        for (var e : medians.entrySet()) {
            report.row("(f)", "standalone jar cold start to first 200, " + e.getKey(), "ms", true, e.getValue() / 1e6,
                    e.getKey().equals("default JVM flags") ? peers : Map.of(), null);
            if (e.getValue() < best) {
                best = e.getValue();
                bestLabel = e.getKey();
            }
        }
        double dflt = medians.get("default JVM flags");
        report.target("(f) standalone cold start to first 200 (default flags)", Bench.f("%.0f ms", dflt / 1e6), "<= 700 ms",
                dflt <= 700e6);
        report.target("(f) standalone cold start to first 200 (best flags: " + bestLabel + ")", Bench.f("%.0f ms", best / 1e6),
                "<= 700 ms", best <= 700e6);
    }

    static Path standaloneJar() {
        String p = System.getProperty("bench.standaloneJar");
        if (p != null) return Path.of(p).toAbsolutePath().normalize();
        for (String dir : new String[] {"fake-ticdc/target", "../fake-ticdc/target", "../../fake-ticdc/target"}) {
            File[] found = new File(dir).listFiles((d, n) -> n.startsWith("fake-ticdc-") && n.endsWith("-standalone.jar"));
            if (found != null && found.length > 0) return found[0].toPath().toAbsolutePath().normalize();
        }
        throw new IllegalStateException("no fake-ticdc-*-standalone.jar: build it (mvn -B package -DskipTests)"
                + " or pass -Dbench.standaloneJar=PATH");
    }

    static Path wireMockJar() {
        String p = System.getProperty("bench.wiremockJar");
        Path path = p != null ? Path.of(p) : Path.of(System.getProperty("user.home"),
                ".m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar");
        return Files.exists(path) ? path : null;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The launcher script of the variant being measured (single-threaded benchmark), or null. */
    private static Path launcher;
    /** The copy of the jar the launcher runs (its archive goes next to it). */
    private static Path launcherJar;

    static List<String> command(List<String> flags, List<String> args, int port, boolean wiremock) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher != null && !wiremock ? launcher.toString() : ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(flags);
        cmd.addAll(args);
        if (wiremock) {
            cmd.add("--port");
            cmd.add(Integer.toString(port));
        } else {
            cmd.add("--addr");
            cmd.add("127.0.0.1:" + port);
        }
        return cmd;
    }

    /** Nanoseconds from spawning to the first 200 of {@code path}. */
    static double spawnOnce(List<String> flags, List<String> args, String path) throws Exception {
        int port = freePort();
        boolean wiremock = path.startsWith("/__admin");
        ProcessBuilder pb = new ProcessBuilder(command(flags, args, port, wiremock))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (launcher != null && launcherJar != null) pb.environment().put("FAKE_TICDC_JAR", launcherJar.toString());
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) throw new IllegalStateException("exited with " + p.exitValue() + ": " + pb.command());
                int status = tryGet(port, path);
                if (status == 200) return System.nanoTime() - t0;
                Thread.sleep(1);
            }
            throw new IllegalStateException("no 200 within 30 s: " + pb.command());
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
    }

    /** The status of one GET, or -1 while the port refuses connections. */
    static int tryGet(int port, String path) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[12];
            int n = 0;
            while (n < 12) {
                int r = in.read(buf, n, 12 - n);
                if (r < 0) return -1;
                n += r;
            }
            return Integer.parseInt(new String(buf, 9, 3, StandardCharsets.US_ASCII));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** One run that dumps a dynamic CDS archive when it exits (shut down through the control API). */
    static void createArchive(Path jar, List<String> flags, Path jsa) throws Exception {
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(command(flags, List.of("-jar", jar.toString()), port, false))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (tryGet(port, "/api/v2/health") != 200 && System.nanoTime() < deadline) Thread.sleep(5);
        tryGet(port, "/api/v2/changefeeds");
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("POST /fake/v1/shutdown HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readAllBytes();
        } catch (IOException e) {
            p.destroy();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        Bench.log("(f) AppCDS archive %s: %s", jsa, Files.exists(jsa) ? Files.size(jsa) / 1024 + " KiB" : "NOT created");
    }
}
