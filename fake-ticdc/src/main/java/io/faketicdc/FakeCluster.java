package io.faketicdc;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.script.Action;
import io.faketicdc.script.CaptureAction;
import io.faketicdc.script.ClusterAction;
import io.faketicdc.script.Step;
import io.faketicdc.script.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The capture processes of a fake, to read and to script: owner changes, graceful shutdown,
 * crashes and restarts, readiness and health. Changes apply now, or at the clock time or request
 * this handle was made for ({@link #after(Duration)}, {@link #onRequest(int, String, String)}).
 */
public final class FakeCluster {
    private final FakeTiCdc fake;
    private final Timing timing;

    FakeCluster(FakeTiCdc fake, Timing timing) {
        this.fake = fake;
        this.timing = timing;
    }

    public FakeCluster after(Duration clockTime) {
        return new FakeCluster(fake, Timing.after(clockTime));
    }

    public FakeCluster onRequest(int n, String method, String pathPattern) {
        return new FakeCluster(fake, Timing.onRequest(n, method, pathPattern));
    }

    /** The captures in the cluster now, by slot (a stopped process is absent). */
    public List<CaptureInfo> captures() {
        Cluster c = fake.engineCluster();
        return c.afterTick(() -> {
            List<CaptureInfo> out = new ArrayList<>();
            for (Capture capture : c.captures()) out.add(info(c, capture));
            return out;
        });
    }

    /** The capture running in a slot, if its process is up. */
    public Optional<CaptureInfo> capture(int slot) {
        Cluster c = fake.engineCluster();
        return c.atomically(() -> {
            Capture capture = c.membership().at(slot);
            return capture == null ? Optional.empty() : Optional.of(info(c, capture));
        });
    }

    /** The owner, if one is elected. */
    public Optional<CaptureInfo> owner() {
        Cluster c = fake.engineCluster();
        return c.afterTick(() -> c.owner() == null ? Optional.empty() : Optional.of(info(c, c.owner())));
    }

    /** The owner resigns and a new election runs (the next slot wins when it can). */
    public FakeCluster resignOwner() { return run(new ClusterAction(ClusterAction.Kind.RESIGN_OWNER)); }

    /** The next election is won by the capture in this slot. */
    public FakeCluster nextOwner(int slot) { return run(CaptureAction.of(slot, CaptureAction.Kind.NEXT_OWNER)); }

    /** SIGTERM: liveness 1 for good, ownership and tables given up; the process keeps serving until {@link #stop}. */
    public FakeCluster beginGracefulShutdown(int slot) { return run(CaptureAction.of(slot, CaptureAction.Kind.BEGIN_SHUTDOWN)); }

    /** The process exits (crash, or the end of a shutdown): it leaves and its port refuses connections. */
    public FakeCluster stop(int slot) { return run(CaptureAction.of(slot, CaptureAction.Kind.STOP)); }

    /** A crash: the process is gone at once; an owner is re-elected. */
    public FakeCluster crash(int slot) { return stop(slot); }

    /**
     * A new process starts in the slot: same address, new capture ID, liveness 0. It runs now and
     * returns the new capture; to start one later, {@link FakeTiCdc#run} a {@link Step} with
     * {@link CaptureAction.Kind#START}.
     */
    public CaptureInfo start(int slot) {
        requireNow("start(slot)", "CaptureAction.of(slot, CaptureAction.Kind.START)");
        Cluster c = fake.engineCluster();
        return c.atomically(() -> {
            run(CaptureAction.of(slot, CaptureAction.Kind.START));
            return info(c, c.membership().at(slot));
        });
    }

    /**
     * A new capture process joins the cluster in a new slot after the last: a new port (random,
     * or the configured port + slot), a new capture ID, liveness 0. It is elected owner only when
     * there is none, and holds no tables until some move to it (a new changefeed, a drain, a
     * shutdown elsewhere). It runs now and returns the new capture; to add one later,
     * {@link FakeTiCdc#run} a {@link Step} with {@link ClusterAction.Kind#ADD_CAPTURE}.
     * {@link FakeTiCdc#reset()} closes the ports of added captures.
     */
    public CaptureInfo addCapture() {
        requireNow("addCapture()", "new ClusterAction(ClusterAction.Kind.ADD_CAPTURE)");
        Cluster c = fake.engineCluster();
        return c.atomically(() -> {
            run(new ClusterAction(ClusterAction.Kind.ADD_CAPTURE));
            return info(c, c.membership().at(c.membership().slots() - 1));
        });
    }

    /** How many process slots (ports) the cluster has: the initial captures plus added ones, running or not. */
    public int slots() {
        return fake.engineCluster().membership().slots();
    }

    /** Whether the capture answers the API (false: every /api route answers 503 not ready). */
    public FakeCluster ready(int slot, boolean ready) {
        return run(CaptureAction.of(slot, ready ? CaptureAction.Kind.READY : CaptureAction.Kind.NOT_READY));
    }

    /** The next {@code requests} requests to the capture answer 503 not ready; then it is ready. */
    public FakeCluster notReadyFor(int slot, int requests) {
        return run(new CaptureAction(slot, CaptureAction.Kind.NOT_READY_FOR, requests));
    }

    /** Makes {@code /health} report the cluster unhealthy (500) or healthy again. */
    public FakeCluster unhealthy(boolean unhealthy) {
        return run(new ClusterAction(unhealthy ? ClusterAction.Kind.UNHEALTHY : ClusterAction.Kind.HEALTHY));
    }

    /** How many tables a drain poll moves off the drained capture (default 2). */
    public FakeCluster drainBatch(int tablesPerPoll) {
        fake.engineCluster().drainBatch(tablesPerPoll);
        return this;
    }

    private void requireNow(String method, String action) {
        if (!timing.immediate()) {
            throw new IllegalStateException(method + " runs now and returns the new capture; to script it for later, "
                    + "fake.run(new Step(timing, " + action + "))");
        }
    }

    private FakeCluster run(Action action) {
        fake.run(new Step(timing, action));
        return this;
    }

    private static CaptureInfo info(Cluster c, Capture capture) {
        return new CaptureInfo(capture.index(), capture.id(), capture.address(), capture.liveness(),
                c.membership().isOwner(capture), capture.ready());
    }
}
