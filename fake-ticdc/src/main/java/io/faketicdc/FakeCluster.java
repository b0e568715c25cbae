package io.faketicdc;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.server.CaptureServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The capture processes of a fake, to read and to script: owner changes, graceful shutdown,
 * crashes and restarts, readiness and health. Every change is visible to the next request.
 */
public final class FakeCluster {
    private final Cluster cluster;
    private final CaptureServers servers;

    FakeCluster(Cluster cluster, CaptureServers servers) {
        this.cluster = cluster;
        this.servers = servers;
    }

    /** The captures in the cluster now, by slot (a stopped process is absent). */
    public List<CaptureInfo> captures() {
        synchronized (cluster.lock()) {
            List<CaptureInfo> out = new ArrayList<>();
            for (Capture c : cluster.captures()) out.add(info(c));
            return out;
        }
    }

    /** The capture running in a slot, if its process is up. */
    public Optional<CaptureInfo> capture(int slot) {
        synchronized (cluster.lock()) {
            Capture c = cluster.membership().at(slot);
            return c == null ? Optional.empty() : Optional.of(info(c));
        }
    }

    /** The owner, if one is elected. */
    public Optional<CaptureInfo> owner() {
        synchronized (cluster.lock()) {
            Capture c = cluster.owner();
            return c == null ? Optional.empty() : Optional.of(info(c));
        }
    }

    /** The owner resigns and a new election runs (the next slot wins when it can). */
    public void resignOwner() {
        synchronized (cluster.lock()) {
            cluster.resignOwner();
        }
    }

    /** The next election is won by the capture in this slot. */
    public void nextOwner(int slot) {
        synchronized (cluster.lock()) {
            cluster.membership().forceNextWinner(require(slot));
        }
    }

    /** The process receives SIGTERM: liveness 1 for good, ownership and tables given up; it keeps serving. */
    public void beginGracefulShutdown(int slot) {
        synchronized (cluster.lock()) {
            cluster.stopping(require(slot));
        }
    }

    /** The process exits (after a graceful shutdown, or a crash): it leaves and its port refuses connections. */
    public void stop(int slot) {
        synchronized (cluster.lock()) {
            cluster.leave(require(slot));
        }
        servers.closePort(slot);
    }

    /** A new process starts in the slot: same address, new capture ID, liveness 0. */
    public CaptureInfo start(int slot) {
        servers.reopenPort(slot);
        synchronized (cluster.lock()) {
            return info(cluster.join(slot));
        }
    }

    /** Whether the capture answers the API (false: every /api route answers 503 not ready). */
    public void ready(int slot, boolean ready) {
        synchronized (cluster.lock()) {
            require(slot).ready(ready);
        }
    }

    /** Makes {@code /health} report the cluster unhealthy (500) or healthy again. */
    public void unhealthy(boolean unhealthy) {
        synchronized (cluster.lock()) {
            cluster.unhealthy(unhealthy);
        }
    }

    /** How many tables a drain poll moves off the drained capture (default 2). */
    public void drainBatch(int tablesPerPoll) {
        synchronized (cluster.lock()) {
            cluster.drainBatch(tablesPerPoll);
        }
    }

    private Capture require(int slot) {
        Capture c = cluster.membership().at(slot);
        if (c == null) throw new IllegalStateException("no capture process runs in slot " + slot);
        return c;
    }

    private CaptureInfo info(Capture c) {
        return new CaptureInfo(c.index(), c.id(), c.address(), c.liveness(), cluster.membership().isOwner(c), c.ready());
    }
}
