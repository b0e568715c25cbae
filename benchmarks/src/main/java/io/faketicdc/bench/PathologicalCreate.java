package io.faketicdc.bench;

import io.faketicdc.FakeTiCdc;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (g) A pathological create: a ~10 MB body with ~1.75 M {@code filter.rules}. In a fresh JVM (this
 * class's main, {@code -Xmx2g}): one client GETs {@code /api/v2/changefeeds} back to back while
 * another sends the create; reported are the worst GET latency while the create runs (how long the
 * cluster's lock was held, at most), the create's own time, and the heap left after the
 * changefeed is deleted (after GC, above the heap before the create).
 */
public final class PathologicalCreate {
    record Result(double worstGetMs, double typicalGetMs, double createMs, int createStatus, long gets, double heapLeftMb,
                  double bodyMb) { }

    public static void main(String[] args) throws Exception {
        int rules = Integer.parseInt(args[0]);
        StringBuilder b = new StringBuilder(rules * 6 + 128).append("{\"changefeed_id\":\"huge\",\"sink_uri\":\"blackhole://\",")
                .append("\"replica_config\":{\"filter\":{\"rules\":[");
        for (int i = 0; i < rules; i++) b.append(i == 0 ? "" : ",").append("\"a.b\"");
        byte[] body = b.append("]}}}").toString().getBytes(StandardCharsets.UTF_8);
        b = null; // the body bytes stay alive until the end, so both heap counts include them
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.journalCapacity(0)).start()) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI list = URI.create(fake.baseUrl() + "/api/v2/changefeeds");
            for (int i = 0; i < 2000; i++) client.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.discarding());
            long typical = typicalGet(client, list);
            long heap0 = Bench.usedHeapAfterGc();

            AtomicBoolean creating = new AtomicBoolean(true);
            AtomicLong worst = new AtomicLong();
            AtomicLong gets = new AtomicLong();
            Thread reader = new Thread(() -> {
                try {
                    while (creating.get()) {
                        long t0 = System.nanoTime();
                        client.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.discarding());
                        long took = System.nanoTime() - t0;
                        if (creating.get()) {
                            worst.accumulateAndGet(took, Math::max);
                            gets.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-g-reader");
            reader.start();
            HttpClient creator = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long c0 = System.nanoTime();
            HttpResponse<Void> created = creator.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/changefeeds"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            long createNanos = System.nanoTime() - c0;
            creating.set(false);
            reader.join();
            creator.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/changefeeds/huge")).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            long heap1 = Bench.usedHeapAfterGc();
            java.lang.ref.Reference.reachabilityFence(body);
            System.out.println(Bench.f("RESULT\t%d\t%d\t%d\t%d\t%d\t%d\t%d", worst.get(), typical, createNanos, created.statusCode(),
                    gets.get(), heap1 - heap0, body.length));
        }
        System.exit(0);
    }

    /** The median of 200 GETs with nothing else going on. */
    private static long typicalGet(HttpClient client, URI list) throws Exception {
        long[] t = new long[200];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            client.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.discarding());
            t[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }

    static Result measure(int rules) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx2g", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
                PathologicalCreate.class.getName(), Integer.toString(rules)).redirectErrorStream(true);
        Process p = pb.start();
        String result = null;
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT\t")) result = line;
                else out.append(line).append('\n');
            }
        }
        p.waitFor();
        if (result == null) throw new IllegalStateException("no result from the pathological-create JVM:\n" + out);
        String[] f = result.split("\t", -1);
        return new Result(Long.parseLong(f[1]) / 1e6, Long.parseLong(f[2]) / 1e6, Long.parseLong(f[3]) / 1e6,
                Integer.parseInt(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]) / 1024.0 / 1024.0, Long.parseLong(f[7]) / 1e6);
    }

    public static void run(Report report) throws Exception {
        int rules = Bench.scaled("bench.g.rules", 1_750_000);
        Result r = measure(rules);
        Bench.log("(g) create of %.1f MB with %d filter rules: %d in %.0f ms; %d GETs meanwhile, worst %.1f ms (typical %.2f ms);"
                + " heap left after delete %.1f MB", r.bodyMb(), rules, r.createStatus(), r.createMs(), r.gets(), r.worstGetMs(),
                r.typicalGetMs(), r.heapLeftMb());
        report.detail(Bench.f("(g) pathological create (%.1f MB, %d filter rules, status %d) took %.0f ms; %d small GETs ran"
                        + " meanwhile, worst %.1f ms (typical %.2f ms alone); heap left after deleting it: %.1f MB",
                r.bodyMb(), rules, r.createStatus(), r.createMs(), r.gets(), r.worstGetMs(), r.typicalGetMs(), r.heapLeftMb()));
        report.target("(g) worst small-GET latency during a pathological create", Bench.f("%.1f ms", r.worstGetMs()),
                "<= 500 ms", r.worstGetMs() <= 500);
        report.target("(g) heap left after deleting the pathological changefeed", Bench.f("%.1f MB", r.heapLeftMb()),
                "<= 20 MB", r.heapLeftMb() <= 20);
    }
}
