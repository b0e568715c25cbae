package io.faketicdc.internal.faults;

import io.faketicdc.faults.ClusterFault;
import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.faults.Effect;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Exchange;
import io.faketicdc.internal.routes.CaptureEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The cluster faults in force: partitioned and unresponsive slots (also as seen by a non-owner
 * forwarding to them), sticky and flapping ownership, health. Lock order: the cluster, then this
 * (a forwarding request asks {@link #broken} under the cluster's lock); this monitor is never held
 * while the cluster or a port changes.
 */
final class ClusterFaultState implements CaptureEndpoint.ForwardFaults {
    private final IntConsumer closePort;
    private final IntConsumer openPort;
    private final Map<String, ClusterFault> active = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> fired = new LinkedHashMap<>();
    private final Map<String, Flapping> flapping = new LinkedHashMap<>();
    /**
     * How many faults are in force and the flapping ones, written under this monitor whenever they
     * change: every client request reads them without taking the monitor, which all of a port's
     * request threads would otherwise queue on even with no fault at all (the usual case).
     */
    private volatile int inForce;
    private volatile List<Flapping> flappingNow = List.of();
    private volatile Cluster cluster;

    ClusterFaultState(IntConsumer closePort, IntConsumer openPort) {
        this.closePort = closePort;
        this.openPort = openPort;
    }

    void bind(Cluster c) {
        this.cluster = c;
    }

    /**
     * Installs a fault. Its own state changes under this object's monitor; the cluster and the
     * ports are changed after the monitor is released, never while holding it: a request holds the
     * cluster's lock when it asks {@link #broken} (which takes this monitor), so the only order is
     * cluster, then this. Callers (FaultInjector) serialise add, remove and clear.
     */
    void add(String id, ClusterFault f) {
        Cluster c = cluster;
        check(f);
        AtomicInteger counter = new AtomicInteger();
        synchronized (this) {
            active.put(id, f);
            fired.put(id, counter);
            inForce = active.size();
        }
        if (f instanceof ClusterFault.Partition p) closePort.accept(p.slot());
        if (f instanceof ClusterFault.FlappingOwner fo) {
            Flapping flap = Flapping.start(c, fo, counter);
            synchronized (this) {
                flapping.put(id, flap);
                flappingNow = List.copyOf(flapping.values());
            }
        }
        c.atomically(() -> {
            if (f instanceof ClusterFault.StickyOwner) c.membership().sticky(true);
            if (f instanceof ClusterFault.Unhealthy) c.unhealthy(true);
        });
    }

    /** Throws what {@link #add} would throw for {@code f}, changing nothing. */
    void check(ClusterFault f) {
        if (f instanceof ClusterFault.Partition p) checkSlot(p.slot());
        if (f instanceof ClusterFault.Unresponsive u) checkSlot(u.slot());
    }

    /** Removes a fault; the same lock order as {@link #add}. */
    boolean remove(String id) {
        ClusterFault f;
        Flapping flap;
        boolean stickyLeft;
        boolean unhealthyLeft;
        boolean partitionLeft = false;
        synchronized (this) {
            f = active.remove(id);
            if (f == null) return false;
            fired.remove(id);
            flap = flapping.remove(id);
            inForce = active.size();
            if (flap != null) flappingNow = List.copyOf(flapping.values());
            stickyLeft = any(ClusterFault.StickyOwner.class);
            unhealthyLeft = any(ClusterFault.Unhealthy.class);
            if (f instanceof ClusterFault.Partition p) partitionLeft = partition(p.slot()) != null;
        }
        if (flap != null) flap.stop();
        Cluster c = cluster;
        c.atomically(() -> {
            if (f instanceof ClusterFault.StickyOwner && !stickyLeft) c.membership().sticky(false);
            if (f instanceof ClusterFault.Unhealthy && !unhealthyLeft) c.unhealthy(false);
        });
        if (f instanceof ClusterFault.Partition p && !partitionLeft && capturePresent(p.slot())) openPort.accept(p.slot());
        return true;
    }

    synchronized List<String> ids() {
        return List.copyOf(active.keySet());
    }

    synchronized List<ClusterFault> faults() {
        return List.copyOf(active.values());
    }

    synchronized String idOf(ClusterFault f) {
        for (Map.Entry<String, ClusterFault> e : active.entrySet()) {
            if (e.getValue().equals(f)) return e.getKey();
        }
        return null;
    }

    synchronized int fired(String id) {
        AtomicInteger n = fired.get(id);
        return n == null ? 0 : n.get();
    }

    /** The unresponsive fault of a slot, counted as fired, or null. */
    String unresponsive(int slot) {
        if (inForce == 0) return null;
        synchronized (this) {
            return firing(find(ClusterFault.Unresponsive.class, u -> u.slot() == slot));
        }
    }

    /** Counts a client request for owner flapping by requests. */
    void onClientRequest() {
        for (Flapping f : flappingNow) f.onRequest();
    }

    @Override
    public synchronized boolean broken(Exchange x, Capture owner, String url) {
        String id = firing(partition(owner.index()));
        if (id != null) {
            String m = x.request().method();
            String op = m.isEmpty() ? m : m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT);
            String msg = op + " \"" + url + "\": dial tcp " + owner.address() + ": connect: connection refused";
            x.handled(ApiError.plain(msg).toResponse(), owner.index());
            x.faulted(id, "partition");
            return true;
        }
        id = unresponsive(owner.index());
        if (id == null) return false;
        x.handled(ApiResponse.bare(0), owner.index());
        x.faulted(id, "unresponsive");
        x.wire(new Effect.Hang());
        return true;
    }

    private String partition(int slot) {
        return find(ClusterFault.Partition.class, p -> p.slot() == slot);
    }

    private String firing(String id) {
        if (id != null) fired.get(id).incrementAndGet();
        return id;
    }

    private <T extends ClusterFault> String find(Class<T> type, java.util.function.Predicate<T> test) {
        for (Map.Entry<String, ClusterFault> e : active.entrySet()) {
            if (type.isInstance(e.getValue()) && test.test(type.cast(e.getValue()))) return e.getKey();
        }
        return null;
    }

    private boolean any(Class<? extends ClusterFault> type) {
        return find(type, f -> true) != null;
    }

    private boolean capturePresent(int slot) {
        Cluster c = cluster;
        return c.atomically(() -> c.membership().at(slot) != null);
    }

    private void checkSlot(int slot) {
        int slots = cluster.membership().slots();
        if (slot < 0 || slot >= slots) throw new IllegalArgumentException("no capture slot " + slot + " (the cluster has " + slots + ")");
    }
}
