package io.faketicdc.internal.cluster;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import io.faketicdc.internal.clock.TimeFormats;
import io.faketicdc.internal.clock.Tso;
import io.faketicdc.internal.clock.TsoOracle;
import io.faketicdc.internal.clock.VirtualClock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The in-memory TiCDC cluster behind one fake: its identity, clock and TSO oracle, captures and
 * owner, and the changefeeds the owner knows. Callers hold {@link #lock()} for every read and
 * change, so concurrent requests see one consistent, linear history.
 */
public final class Cluster {
    private final Object lock = new Object();
    private final FakeConfig config;
    private final Identity identity;
    private final VirtualClock clock;
    private final TsoOracle tso;
    private final TimeFormats formats;
    private final SplittableRandom ids;
    private final Membership membership;
    private final List<UpstreamTable> upstreamTables = UpstreamTable.defaults();
    private final TreeMap<ChangefeedKey, Changefeed> changefeeds = new TreeMap<>();
    private long gcSafepoint;
    private boolean unhealthy;
    private int drainBatch = 2;

    public Cluster(FakeConfig config, List<String> captureAddresses) {
        this.config = config;
        Instant start = config.startInstant() != null
                ? config.startInstant() : Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.identity = Identity.of(config, start);
        this.clock = new VirtualClock(start, config.tickingClock());
        this.tso = new TsoOracle(clock);
        this.formats = new TimeFormats(config.zone() != null ? config.zone() : ZoneId.systemDefault());
        this.ids = new SplittableRandom(config.seed());
        this.gcSafepoint = config.gcSafepoint() != null
                ? config.gcSafepoint() : Tso.of(start.minus(10, ChronoUnit.MINUTES));
        SplittableRandom captureIds = new SplittableRandom(config.seed() ^ 0xCA97L);
        this.membership = new Membership(captureAddresses, () -> uuid(captureIds));
    }

    public Object lock() { return lock; }
    public FakeConfig config() { return config; }
    public Profile profile() { return config.profile(); }
    public Identity identity() { return identity; }
    public VirtualClock clock() { return clock; }
    public TimeFormats formats() { return formats; }
    public long gcSafepoint() { return gcSafepoint; }
    public void gcSafepoint(long tso) { this.gcSafepoint = tso; }
    public Membership membership() { return membership; }
    public List<Capture> captures() { return membership.captures(); }
    public Capture owner() { return membership.owner(); }
    public List<UpstreamTable> upstreamTables() { return upstreamTables; }
    public boolean unhealthy() { return unhealthy; }
    public void unhealthy(boolean unhealthy) { this.unhealthy = unhealthy; }
    public void drainBatch(int tablesPerPoll) { this.drainBatch = Math.max(1, tablesPerPoll); }

    /** PD's current TSO (each call returns a larger one). */
    public long currentTso() {
        return tso.next();
    }

    public Changefeed changefeed(ChangefeedKey key) {
        return changefeeds.get(key);
    }

    public void add(Changefeed cf) {
        changefeeds.put(cf.key(), cf);
        reschedule();
    }

    public Changefeed remove(ChangefeedKey key) {
        return changefeeds.remove(key);
    }

    /** All changefeeds sorted by namespace, then ID. */
    public Iterable<Changefeed> changefeeds() {
        return changefeeds.values();
    }

    /** Only one namespace, still sorted. */
    public Iterable<Changefeed> changefeeds(String namespace) {
        return changefeeds.subMap(new ChangefeedKey(namespace, ""), true,
                new ChangefeedKey(namespace + "\u0000", ""), false).values();
    }

    /** Re-places tables after any change of changefeed states or captures. */
    public void reschedule() {
        TableScheduler.rebalance(this);
    }

    /** One drain poll: the tables still on the capture, then up to a batch of them move away. */
    public int drainPoll(Capture c) {
        membership.draining(c);
        int count = TableScheduler.tablesOn(this, c);
        TableScheduler.moveAway(this, c, drainBatch);
        return count;
    }

    public int tablesOn(Capture c) {
        return TableScheduler.tablesOn(this, c);
    }

    public void resignOwner() {
        membership.resign();
    }

    /** Graceful shutdown begins: liveness 1, ownership given up, tables move away. */
    public void stopping(Capture c) {
        membership.stopping(c);
        reschedule();
    }

    /** The capture's process is gone (crashed, or finished shutting down). */
    public void leave(Capture c) {
        membership.leave(c);
        reschedule();
    }

    /** A process starts in an empty slot with a new capture ID. */
    public Capture join(int slot) {
        Capture c = membership.join(slot);
        reschedule();
        return c;
    }

    /** A random UUID v4 from the fake's seed, as TiCDC generates for IDs. */
    public String newUuid() {
        return uuid(ids);
    }

    private static String uuid(SplittableRandom r) {
        long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        String h = String.format("%016x%016x", hi, lo);
        return (h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20)).toLowerCase(Locale.ROOT);
    }
}
