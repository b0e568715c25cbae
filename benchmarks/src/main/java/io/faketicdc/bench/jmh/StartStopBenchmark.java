package io.faketicdc.bench.jmh;

import io.faketicdc.bench.Servers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (b) One start+stop cycle: {@code FakeTiCdc.create().start()} + {@code close()}, and the same for
 * each peer (which also registers its one static route/stub). SampleTime: every cycle is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StartStopBenchmark {
    @Param({"FAKE", "MOCKWEBSERVER", "WIREMOCK", "JAVALIN"})
    public String kind;

    private Servers.Kind k;

    @Setup
    public void setup() {
        k = Servers.Kind.of(kind);
        Servers.changefeedJson();
    }

    @Benchmark
    public int startStop() {
        Servers.Running r = Servers.start(k);
        int port = r.port();
        r.close();
        return port;
    }
}
