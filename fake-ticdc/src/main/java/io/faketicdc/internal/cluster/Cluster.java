package io.faketicdc.internal.cluster;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import io.faketicdc.internal.clock.TimeFormats;
import io.faketicdc.internal.clock.Tso;
import io.faketicdc.internal.clock.TsoOracle;
import io.faketicdc.internal.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The in-memory TiCDC cluster behind one fake: its identity, clock and TSO oracle, captures and
 * owner, and the changefeeds the owner knows.
 *
 * <p>Locking: the cluster owns its lock, a private monitor that only its own methods take, and
 * nobody else synchronizes on the cluster. An atomic step runs holding it: {@link #atomically}
 * (a general step; {@code CaptureEndpoint.serve} handles a whole request, tick, request count,
 * forwarding and handler, as one, so the journal's order is the handling order),
 * {@link #afterTick} (a tick, then a read or change), {@link #advanceClock}, {@link #setClock}
 * and {@link #drainBatch(int)}. Steps nest (the lock is reentrant), so a step may call another.
 * Every other method takes no lock and must be called within a step, as route handlers, timeline
 * changes and {@link ChangefeedControl} always are; within one step a caller sees and makes one
 * consistent state that no other request or step interleaves with. The immutable parts
 * ({@link #config()}, {@link #identity()}, {@link #formats()}, {@link #upstreamTables()}), the clock (thread-safe itself)
 * and {@link #closed()} may be read anywhere.
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
    private final Timeline timeline = new Timeline();
    private final SplittableRandom jitter;
    private long gcSafepoint;
    private boolean unhealthy;
    private int drainBatch = 2;
    private boolean realisticAsync;
    private final java.util.Set<ChangefeedKey> creating = new java.util.HashSet<>();
    private int pendingJobs;
    /** The one capture drain polls move tables off, until it holds none; null when none. */
    private Capture drainTarget;
    /** The new architecture's coordinator drain: one node at a time, until it leaves ({@link CoordinatorDrain}). */
    private final CoordinatorDrain coordinatorDrain = new CoordinatorDrain();
    private final OwnerTicks ticks = new OwnerTicks(this, timeline);
    /** Made when a script first names a downstream; null until then (nothing to consult). */
    private Downstreams downstreams;
    private volatile boolean closed;

    public Cluster(FakeConfig config, List<String> captureAddresses) {
        this.config = config;
        Instant start = config.startInstant() != null
                ? config.startInstant() : Instant.now().truncatedTo(ChronoUnit.MILLIS);
        this.identity = Identity.of(config, start);
        this.clock = new VirtualClock(start, config.tickingClock());
        this.tso = new TsoOracle(clock);
        this.formats = new TimeFormats(config.zone() != null ? config.zone() : ZoneId.systemDefault());
        this.ids = new SplittableRandom(config.seed());
        this.jitter = new SplittableRandom(config.seed() ^ 0xB0FFL);
        this.gcSafepoint = config.gcSafepoint() != null
                ? config.gcSafepoint() : Tso.of(start.minus(10, ChronoUnit.MINUTES));
        SplittableRandom captureIds = new SplittableRandom(config.seed() ^ 0xCA97L);
        this.membership = new Membership(captureAddresses, () -> uuid(captureIds));
        this.realisticAsync = config.realisticAsync();
    }

    /** Runs {@code step} as one atomic step (within another step it simply runs). */
    public void atomically(Runnable step) {
        synchronized (lock) {
            step.run();
        }
    }

    /** Runs {@code step} as one atomic step and returns its result. */
    public <T> T atomically(Supplier<T> step) {
        synchronized (lock) {
            return step.get();
        }
    }

    /** One atomic step on a subject: a caller on a hot path binds {@code step} once and allocates nothing per call. */
    public <T> void atomically(T subject, Consumer<? super T> step) {
        synchronized (lock) {
            step.accept(subject);
        }
    }

    /** Brings the cluster to the clock's now ({@link #tick}), then runs {@code step}, as one atomic step. */
    public void afterTick(Runnable step) {
        synchronized (lock) {
            tick();
            step.run();
        }
    }

    /** Brings the cluster to the clock's now ({@link #tick}), then reads or changes it, as one atomic step. */
    public <T> T afterTick(Supplier<T> step) {
        synchronized (lock) {
            tick();
            return step.get();
        }
    }

    /** Moves the clock forward and lets everything due in between happen, in time order (one atomic step). */
    public void advanceClock(Duration d) {
        synchronized (lock) {
            clock.advance(d);
            tick();
        }
    }

    /** Sets the clock, forward or back, and ticks (one atomic step). */
    public void setClock(Instant instant) {
        synchronized (lock) {
            clock.set(instant);
            tick();
        }
    }

    /** Whether the calling thread is within an atomic step (for tests in this package). */
    boolean inStep() {
        return Thread.holdsLock(lock);
    }

    /** The fake is shutting down: requests still queued for the lock are not handled any more. */
    public void close() { this.closed = true; }
    public boolean closed() { return closed; }
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
    /** The fake upstream's tables: an immutable list that never changes, so it may be read anywhere. */
    public List<UpstreamTable> upstreamTables() { return upstreamTables; }
    public boolean unhealthy() { return unhealthy; }
    public void unhealthy(boolean unhealthy) { this.unhealthy = unhealthy; }
    /** How many tables a drain poll or shutdown step moves (one atomic step). */
    public void drainBatch(int tablesPerPoll) {
        synchronized (lock) {
            this.drainBatch = Math.max(1, tablesPerPoll);
        }
    }
    int drainBatch() { return drainBatch; }

    /** PD's current TSO (each call returns a larger one). */
    public long currentTso() {
        return tso.next();
    }

    public Changefeed changefeed(ChangefeedKey key) {
        return changefeeds.get(key);
    }

    /** Marks that one changefeed's state machine changed outside a tick. */
    public void touched(Changefeed cf) {
        ticks.touched(cf);
    }

    public void add(Changefeed cf) {
        touched(cf);
        cf.machine(new FeedStateMachine(cf, new Backoff(jitter), clock::now));
        changefeeds.put(cf.key(), cf);
        TableScheduler.rebalance(this, cf);
        downstreamsChanged(cf);
    }

    /** The downstreams scripted down (made on first use). */
    public Downstreams downstreams() {
        if (downstreams == null) downstreams = new Downstreams(this);
        return downstreams;
    }

    /** Whether a script holds any downstream down now. */
    public boolean anyDownstreamDown() {
        return downstreams != null && !downstreams.isEmpty();
    }

    /** Every changefeed feels what its downstream does now (its state machine, as with keepFailing). */
    void downstreamsChanged() {
        for (Changefeed cf : changefeeds.values()) downstreamsChanged(cf);
    }

    /** One changefeed (new, or its sink changed) feels what its downstream does now. */
    public void downstreamsChanged(Changefeed cf) {
        if (downstreams == null || cf.machine() == null || downstreams.isEmpty() && !cf.machine().downstreamDown()) return;
        io.faketicdc.internal.http.ApiError e = downstreams.failure(cf);
        Capture owner = owner();
        String addr = owner != null ? owner.address() : membership.address(0);
        touched(cf);
        cf.machine().downstream(e == null ? null : new RunningError(clock.now(), addr, e.code(), e.errorMsg()));
    }

    /**
     * Brings every changefeed to the clock's now: changes scheduled for earlier instants apply at
     * their instant, in order, with the state machines advanced to that instant first.
     */
    public void tick() {
        ticks.tick();
    }

    /** Counts a request against scheduled changes; those it completes apply before it is handled. */
    public void onRequest(RequestFacts request) {
        ticks.onRequest(request);
    }

    /** The owner's tick loop (for tests in this package). */
    OwnerTicks ticks() {
        return ticks;
    }

    /** Applies a change now, at a clock instant, or on the Nth matching request. */
    public void schedule(Instant at, Integer requests, java.util.function.Predicate<RequestFacts> matcher, Runnable change) {
        if (at != null && requests != null) timeline.atOrOnRequest(at, requests, change);
        else if (at != null) timeline.at(at, change);
        else if (requests != null) timeline.onRequest(requests, matcher, change);
        else change.run();
        tick();
    }

    /** Runs a change when the clock reaches an instant, without ticking now (safe from a running change). */
    public void scheduleAt(Instant at, Runnable change) {
        timeline.at(at, change);
    }

    /**
     * An API-initiated change to one changefeed: at once, or in realistic-async mode on the owner's
     * next tick (one tick of clock time, or two more requests, whichever comes first).
     */
    public void ownerJob(Changefeed cf, Runnable change) {
        if (!realisticAsync) {
            touched(cf);
            change.run();
            return;
        }
        pendingJobs++;
        timeline.atOrOnRequest(clock.now().plus(FeedStateMachine.TICK), 2, () -> {
            pendingJobs--;
            touched(cf);
            change.run();
        });
    }

    public boolean realisticAsync() { return realisticAsync; }
    public void realisticAsync(boolean on) { this.realisticAsync = on; }

    /** Scripting access to one changefeed the owner knows. */
    public ChangefeedControl control(Changefeed cf) {
        touched(cf);
        return new ChangefeedControl(cf, cf.machine(), this);
    }

    /** Created in the metadata store but not yet seen by the owner (realistic-async mode). */
    /** Changefeeds created but not yet seen by the owner. */
    int creatingCount() {
        return creating.size();
    }

    public boolean creating(ChangefeedKey key) {
        return creating.contains(key);
    }

    /** Realistic-async create: the owner adopts the changefeed on its next tick. */
    public void addOnNextTick(Changefeed cf) {
        creating.add(cf.key());
        ownerJob(cf, () -> {
            if (creating.remove(cf.key())) add(cf);
        });
    }

    /** The owner has jobs it has not run yet (the cluster reports unhealthy meanwhile). */
    public boolean ownerBusy() {
        return !creating.isEmpty() || pendingJobs > 0;
    }

    public Changefeed remove(ChangefeedKey key) {
        creating.remove(key);
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

    /**
     * Re-places tables after any change of changefeed states or captures. Placement is brought up
     * to date where tables are read (task status, processors, drain), not on every request.
     */
    public void reschedule() {
        TableScheduler.rebalance(this);
    }

    /** Brings one changefeed's table placement up to date. */
    public void reschedule(Changefeed cf) {
        TableScheduler.rebalance(this, cf);
    }

    /**
     * One drain poll: answers the tables still on {@code c}, plus one per changefeed the owner has
     * not adopted yet (pingcap/tiflow cdc/owner/owner.go, handleDrainCaptures), then moves up to a
     * batch off the drain's one target, as the owner's ticks between two polls would. {@code c}
     * becomes the target (and takes no new tables from then on) only when there is none; a target
     * is cleared once it holds no tables or has left, so a poll for another capture meanwhile moves
     * none of that capture's tables (pingcap/tiflow
     * cdc/scheduler/internal/v3/scheduler/scheduler_drain_capture.go).
     */
    public int drainPoll(Capture c) {
        int count = TableScheduler.tablesOn(this, c);
        if (drainTarget != null && (membership.at(drainTarget.index()) != drainTarget
                || TableScheduler.tablesOn(this, drainTarget) == 0)) {
            drainTarget = null;
        }
        if (drainTarget == null && count > 0) {
            drainTarget = c;
            membership.draining(c);
        }
        if (drainTarget != null) TableScheduler.moveAway(this, drainTarget, drainBatch);
        return count + creating.size();
    }

    /**
     * The new architecture's drain of {@code targetId}: its remaining count, or -1 when no such
     * node is a member (pingcap/ticdc coordinator/controller_drain.go DrainNode). See {@link CoordinatorDrain}.
     */
    public int coordinatorDrain(String targetId) {
        return coordinatorDrain.poll(this, membership, targetId, drainBatch);
    }

    /**
     * A manual move (v1 move_table): the table goes to the capture when both exist and the capture
     * can take tables (pingcap/tiflow cdc/scheduler/internal/v3/scheduler/scheduler_move_table.go);
     * otherwise nothing happens.
     */
    public void moveTable(Changefeed cf, long tableId, String captureId) {
        TableScheduler.rebalance(this, cf);
        TableScheduler.move(cf, tableId, membership.byId(captureId));
    }

    /** A manual rebalance of one changefeed (v1 rebalance_table), by the balance check's rule. */
    public void rebalanceTables(Changefeed cf) {
        TableScheduler.rebalance(this, cf);
        TableScheduler.balance(this, cf);
    }

    public int tablesOn(Capture c) {
        return TableScheduler.tablesOn(this, c);
    }

    public void resignOwner() {
        membership.resign();
    }

    /** Graceful shutdown begins: liveness 1, ownership given up, tables move away. */
    /**
     * Graceful shutdown begins: liveness 1, ownership given up; its tables then move away a drain
     * batch at a time, per request and per owner tick of clock time.
     */
    public void stopping(Capture c) {
        membership.stopping(c);
        reschedule();
        ticks.shutdownBegins();
    }

    /** The capture's process is gone (crashed, or finished shutting down). */
    public void leave(Capture c) {
        membership.leave(c);
        reschedule();
    }

    /** A new process slot after the last one, empty until a process {@link #join}s it; returns its index. */
    public int addSlot(String address) {
        return membership.addSlot(address);
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
        return Hex.uuid(hi, lo);
    }
}
