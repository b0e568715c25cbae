package io.faketicdc.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * (e) Heap and threads per idle server. Each kind runs in its own fresh JVM (this class's main):
 * start and stop one (so classes and static caches are loaded), force GC, count; start N, let them
 * settle, force GC, count again; per server = difference / N.
 */
public final class IdleFootprint {
    record Result(double heapBytesPer, double threadsPer, String threadNames) { }

    public static void main(String[] args) throws Exception {
        Servers.Kind kind = Servers.Kind.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Servers.changefeedJson();
        Servers.start(kind).close();
        Thread.sleep(300);
        long heap0 = Bench.usedHeapAfterGc();
        int threads0 = Thread.activeCount();
        Map<String, Integer> names0 = threadNames();
        List<Servers.Running> running = new ArrayList<>();
        for (int i = 0; i < n; i++) running.add(Servers.start(kind));
        Thread.sleep(1000);
        long heap1 = Bench.usedHeapAfterGc();
        int threads1 = Thread.activeCount();
        Map<String, Integer> names1 = threadNames();
        StringBuilder grown = new StringBuilder();
        for (var e : names1.entrySet()) {
            int before = names0.getOrDefault(e.getKey(), 0);
            if (e.getValue() != before) grown.append(Bench.f("%s x%d; ", e.getKey(), e.getValue() - before));
        }
        System.out.println(Bench.f("RESULT\t%d\t%d\t%d\t%d\t%s", heap0, heap1, threads0, threads1, grown));
        for (Servers.Running r : running) r.close();
    }

    /** Thread names with digits replaced by '#' (and Jetty's connector suffix cut), counted. */
    static Map<String, Integer> threadNames() {
        Map<String, Integer> m = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            int at = name.indexOf('@');
            if (at >= 0) name = name.substring(0, at); // Jetty acceptors: "...-acceptor-0@1a2b-ServerConnector@..."
            m.merge(name.replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return m;
    }

    static Result measure(Servers.Kind kind, int n) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
                IdleFootprint.class.getName(), kind.name(), Integer.toString(n)).redirectErrorStream(true);
        Process p = pb.start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT\t")) result = line;
            }
        }
        p.waitFor();
        if (result == null) throw new IllegalStateException("no result from the " + kind + " footprint JVM");
        String[] f = result.split("\t", -1);
        long heap0 = Long.parseLong(f[1]);
        long heap1 = Long.parseLong(f[2]);
        int t0 = Integer.parseInt(f[3]);
        int t1 = Integer.parseInt(f[4]);
        return new Result((heap1 - heap0) / (double) n, (t1 - t0) / (double) n, f[5]);
    }

    public static void run(Report report) throws Exception {
        int n = Bench.scaled("bench.e.servers", 100);
        Map<Servers.Kind, Result> results = new LinkedHashMap<>();
        for (Servers.Kind k : Servers.Kind.values()) {
            Result r = measure(k, n);
            results.put(k, r);
            Bench.log("(e) %-16s %d idle: %.1f KiB heap and %.2f threads each; new threads: %s", k.label, n,
                    r.heapBytesPer() / 1024, r.threadsPer(), r.threadNames());
            report.detail(Bench.f("(e) %s, %d idle in one JVM: %.1f KiB heap, %.2f threads each; threads added: %s",
                    k.label, n, r.heapBytesPer() / 1024, r.threadsPer(), r.threadNames()));
        }
        Result fake = results.get(Servers.Kind.FAKE);
        Map<String, Double> heapPeers = new LinkedHashMap<>();
        Map<String, Double> threadPeers = new LinkedHashMap<>();
        for (Servers.Kind k : new Servers.Kind[] {Servers.Kind.JAVALIN, Servers.Kind.MOCKWEBSERVER, Servers.Kind.WIREMOCK}) {
            heapPeers.put(k.label, results.get(k).heapBytesPer() / 1024);
            threadPeers.put(k.label, results.get(k).threadsPer());
        }
        report.row("(e)", "heap per idle server (" + n + " started, after GC)", "KiB", true, fake.heapBytesPer() / 1024, heapPeers, null);
        report.row("(e)", "threads per idle server", "threads", true, fake.threadsPer(), threadPeers, null);
        report.target("(e) heap per idle fake", Bench.f("%.1f KiB", fake.heapBytesPer() / 1024), "<= 150 KiB",
                fake.heapBytesPer() <= 150 * 1024);
        report.target("(e) threads per idle fake", Bench.f("%.2f", fake.threadsPer()), "<= 3", fake.threadsPer() <= 3.0);
    }
}
