package io.faketicdc.bench.jmh;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.FakeTiCdc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** (d) GET /api/v2/changefeeds with N seeded changefeeds, over HTTP/1.1 keep-alive, one client. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListBenchmark {
    @Param({"10000"})
    public int changefeeds;

    private FakeTiCdc fake;
    private HttpClient http;
    private HttpRequest list;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        fake = FakeTiCdc.create().start();
        long t0 = System.nanoTime();
        for (int i = 0; i < changefeeds; i++) fake.seed(ChangefeedSeed.builder("cf-" + i).build());
        long seedNanos = System.nanoTime() - t0;
        String seedFile = System.getProperty("bench.d.seedFile");
        if (seedFile != null) java.nio.file.Files.writeString(java.nio.file.Path.of(seedFile), Long.toString(seedNanos));
        System.out.printf("%n[bench] (d) seeding %d changefeeds took %.1f s%n", changefeeds, seedNanos / 1e9);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        list = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/changefeeds")).build();
        HttpResponse<byte[]> r = http.send(list, BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException("list -> " + r.statusCode());
        System.out.printf("%n[bench] (d) list of %d changefeeds: %d bytes%n", changefeeds, r.body().length);
    }

    @Benchmark
    public int list() throws Exception {
        HttpResponse<byte[]> r = http.send(list, BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException("list -> " + r.statusCode());
        return r.body().length;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fake.close();
    }
}
