package io.faketicdc.internal.faults;

import io.faketicdc.faults.ClusterFault;
import io.faketicdc.internal.cluster.Cluster;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An owner that keeps losing its role: the owner resigns (the next capture wins) on every Nth
 * client request, or every span of the fake's clock (a chain of timeline changes, each scheduling
 * the next at its own due instant, so a large clock jump flaps once per span).
 */
final class Flapping implements Runnable {
    private final Cluster cluster;
    private final Integer everyRequests;
    private final Duration every;
    private final AtomicInteger fired;
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean active = true;
    private Instant next;

    private Flapping(Cluster cluster, ClusterFault.FlappingOwner f, AtomicInteger fired) {
        this.cluster = cluster;
        this.everyRequests = f.everyRequests();
        this.every = f.every();
        this.fired = fired;
    }

    static Flapping start(Cluster cluster, ClusterFault.FlappingOwner f, AtomicInteger fired) {
        Flapping flap = new Flapping(cluster, f, fired);
        if (flap.every != null) {
            cluster.afterTick(() -> {
                flap.next = cluster.clock().now().plus(flap.every);
                cluster.scheduleAt(flap.next, flap);
            });
        }
        return flap;
    }

    void onRequest() {
        if (everyRequests == null || !active) return;
        if (requests.incrementAndGet() % everyRequests != 0) return;
        cluster.atomically(this::resign);
    }

    /** A clock-driven flap, run by the cluster's timeline under its lock. */
    @Override
    public void run() {
        if (!active) return;
        resign();
        next = next.plus(every);
        cluster.scheduleAt(next, this);
    }

    private void resign() {
        cluster.resignOwner();
        fired.incrementAndGet();
    }

    void stop() {
        active = false;
    }
}
