package io.faketicdc.internal.faults;

import io.faketicdc.faults.ClusterFault;
import io.faketicdc.faults.FaultHandle;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.faults.Faults;
import io.faketicdc.internal.cluster.BatchItemException;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.http.Exchange;
import io.faketicdc.internal.routes.CaptureEndpoint;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/** The faults of one fake ({@code fake.faults()}): request rules and cluster faults, with their IDs. */
public final class FaultInjector implements Faults {
    private final RuleBook rules;
    private final Waits waits;
    private final EffectRunner effects;
    private final ClusterFaultState clusterFaults;
    private final FaultStage stage;
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Set<String> operations = Set.of();

    /** @param closePort closes a slot's port; @param openPort binds it again */
    public FaultInjector(long seed, IntConsumer closePort, IntConsumer openPort) {
        this.rules = new RuleBook(seed);
        this.waits = new Waits(seed);
        this.effects = new EffectRunner(waits);
        this.clusterFaults = new ClusterFaultState(closePort, openPort);
        this.stage = new FaultStage(rules, clusterFaults, effects);
    }

    /** Serves a fresh cluster (at start and after a reset): validates operations against its routes. */
    public void install(Cluster cluster, Set<String> routeOperations) {
        clusterFaults.bind(cluster);
        this.operations = routeOperations; // unmodifiable, and sorted for the error naming them
    }

    /** What non-owners consult before forwarding to the owner. */
    public CaptureEndpoint.ForwardFaults forwardFaults() {
        return clusterFaults;
    }

    /** The fault stage: a fault answers the exchange, or lets {@code capture} serve it (and may act after). */
    public void serve(Exchange x, Consumer<Exchange> capture) {
        stage.serve(x, capture);
    }

    @Override
    public synchronized FaultHandle add(FaultRule rule) {
        String id = rule.id() != null ? rule.id() : nextId();
        if (taken(id)) throw new IllegalArgumentException("a fault with ID " + id + " is already installed");
        ActiveRule r = rules.add(rule.id(id), operations);
        return handle(id, () -> rules.matched(r), () -> rules.fired(r));
    }

    @Override
    public synchronized FaultHandle add(ClusterFault fault) {
        String id = nextId();
        clusterFaults.add(id, fault);
        return handle(id, () -> 0, () -> clusterFaults.fired(id));
    }

    /**
     * Adds fault rules and cluster faults all or nothing: every one is checked (its ID free, within
     * the batch too; its effect, route and body pattern; its slot) before the first is added.
     * Answers the IDs in order.
     */
    public synchronized List<String> addAll(List<?> faults) {
        checkAll(faults);
        List<String> added = new java.util.ArrayList<>();
        for (Object f : faults) {
            added.add(f instanceof FaultRule rule ? add(rule).id() : add((ClusterFault) f).id());
        }
        return added;
    }

    /** Checks a batch as {@link #addAll} would (IDs free, routes known, slots present), adding nothing. */
    public synchronized void checkAll(List<?> faults) {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < faults.size(); i++) {
            Object f = faults.get(i);
            try {
                if (f instanceof FaultRule rule) {
                    String id = rule.id() != null ? rule.id() : "(new)";
                    if (rule.id() != null && (taken(id) || !ids.add(id))) {
                        throw new IllegalArgumentException("a fault with ID " + id + " is already installed");
                    }
                    new ActiveRule(rule.id(id), operations);
                } else {
                    clusterFaults.check((ClusterFault) f);
                }
            } catch (IllegalArgumentException e) {
                throw new BatchItemException(i, e.getMessage());
            }
        }
    }

    private String nextId() {
        String id;
        do {
            id = "fault-" + ids.incrementAndGet();
        } while (taken(id));
        return id;
    }

    private boolean taken(String id) {
        return rules.rules().stream().anyMatch(r -> r.id().equals(id)) || clusterFaults.ids().contains(id);
    }

    private FaultHandle handle(String id, IntSupplier matched, IntSupplier fired) {
        return new FaultHandle() {
            @Override public String id() { return id; }
            @Override public int matched() { return matched.getAsInt(); }
            @Override public int fired() { return fired.getAsInt(); }
            @Override public void remove() { FaultInjector.this.remove(id); }
            @Override public String toString() { return "fault " + id; }
        };
    }

    @Override
    public synchronized boolean remove(String id) {
        return rules.remove(id) || clusterFaults.remove(id);
    }

    @Override
    public synchronized void clear() {
        rules.clear();
        for (String id : clusterFaults.ids()) clusterFaults.remove(id);
        waits.reset();
    }

    @Override
    public List<FaultRule> rules() {
        return rules.rules();
    }

    @Override
    public List<ClusterFault> clusterFaults() {
        return clusterFaults.faults();
    }

    @Override
    public synchronized Faults heal(int slot) {
        for (ClusterFault f : clusterFaults.faults()) {
            if (f instanceof ClusterFault.Partition p && p.slot() == slot
                    || f instanceof ClusterFault.Unresponsive u && u.slot() == slot) {
                clusterFaults.remove(clusterFaults.idOf(f));
            }
        }
        return this;
    }

    @Override
    public Faults stickyOwner(boolean sticky) {
        return toggle(new ClusterFault.StickyOwner(), sticky);
    }

    @Override
    public Faults unhealthy(boolean unhealthy) {
        return toggle(new ClusterFault.Unhealthy(), unhealthy);
    }

    private synchronized Faults toggle(ClusterFault f, boolean on) {
        String id = clusterFaults.idOf(f);
        if (on && id == null) add(f);
        for (; !on && id != null; id = clusterFaults.idOf(f)) clusterFaults.remove(id);
        return this;
    }

    /** The fake closes: delays in progress end at once. */
    public void close() {
        waits.close();
    }
}
