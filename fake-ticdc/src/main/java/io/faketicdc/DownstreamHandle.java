package io.faketicdc;

import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.DownstreamAddress;
import io.faketicdc.script.DownstreamAction;
import io.faketicdc.script.DownstreamAction.Kind;
import io.faketicdc.script.Step;
import io.faketicdc.script.Timing;
import java.time.Duration;

/**
 * A downstream the changefeeds' sinks write to (a MySQL/TiDB server, a Kafka or Pulsar broker, a
 * storage endpoint), to script. While it is down, a create or update whose sink opens it gets the
 * real server's error for the sink's scheme, and the changefeeds writing to it retry with back-off
 * (as with {@link ChangefeedHandle#keepFailing}) until it is back. Changes apply now, or at the
 * {@link #after(Duration) clock time} or {@link #onRequest(int, String, String) request} this
 * handle was made for:
 *
 * <pre>{@code
 * fake.downstream("127.0.0.1:3306").downForCreates(2);   // the next two creates fail, the third works
 * fake.downstream("kafka-1:9092").down();
 * fake.downstream("kafka-1:9092").after(Duration.ofMinutes(5)).up();
 * }</pre>
 */
public final class DownstreamHandle {
    private final FakeTiCdc fake;
    private final String downstream;
    private final DownstreamAddress address;
    private final Timing timing;

    DownstreamHandle(FakeTiCdc fake, String downstream, Timing timing) {
        this.fake = fake;
        this.downstream = downstream;
        this.address = parse(downstream);
        this.timing = timing;
    }

    private static DownstreamAddress parse(String downstream) {
        try {
            return DownstreamAddress.parse(downstream);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("downstream: " + e.getMessage(), e);
        }
    }

    /** The same downstream; changes scripted through the result apply after this much clock time. */
    public DownstreamHandle after(Duration clockTime) {
        return new DownstreamHandle(fake, downstream, Timing.after(clockTime));
    }

    /** Changes apply on the Nth request matching the method and gin path pattern (that request sees them). */
    public DownstreamHandle onRequest(int n, String method, String pathPattern) {
        return new DownstreamHandle(fake, downstream, Timing.onRequest(n, method, pathPattern));
    }

    /** The address as the fake matches it ({@code host:port}, or the host alone for any port). */
    public String address() {
        return address.toString();
    }

    /** Whether a script holds it down now. */
    public boolean isDown() {
        Cluster c = fake.engineCluster();
        return c.afterTick(() -> c.downstreams().isDown(address));
    }

    /** Down until {@link #up()}. */
    public DownstreamHandle down() {
        return run(new DownstreamAction(downstream, Kind.DOWN, null, null));
    }

    /** Down for the next {@code creates} creates (v1 or v2) whose sink opens it; back after the last. */
    public DownstreamHandle downForCreates(int creates) {
        return run(new DownstreamAction(downstream, Kind.DOWN_FOR_CREATES, creates, null));
    }

    /** Down for this much clock time (see {@link FakeTiCdc#clock()}), then back. */
    public DownstreamHandle downFor(Duration clockTime) {
        return run(new DownstreamAction(downstream, Kind.DOWN_FOR, null, clockTime));
    }

    /** Back: the changefeeds writing to it recover at their next retry. */
    public DownstreamHandle up() {
        return run(new DownstreamAction(downstream, Kind.UP, null, null));
    }

    private DownstreamHandle run(DownstreamAction action) {
        fake.run(new Step(timing, action));
        return this;
    }
}
