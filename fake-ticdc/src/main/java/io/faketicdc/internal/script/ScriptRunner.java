package io.faketicdc.internal.script;

import io.faketicdc.internal.cluster.BatchItemException;
import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedControl;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.RequestFacts;
import io.faketicdc.internal.http.PathPattern;
import io.faketicdc.script.Action;
import io.faketicdc.script.CaptureAction;
import io.faketicdc.script.ChangefeedAction;
import io.faketicdc.script.ClusterAction;
import io.faketicdc.script.DownstreamAction;
import io.faketicdc.internal.config.DownstreamAddress;
import io.faketicdc.script.Step;
import io.faketicdc.script.Timing;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/** Applies scripted {@link Step}s to a cluster, now or when their timing comes. */
public final class ScriptRunner {
    private final Cluster cluster;
    private final IntConsumer closePort;
    private final IntConsumer openPort;
    private final IntSupplier addProcess;

    /**
     * @param closePort closes a slot's port; @param openPort binds it again (both may run later, off
     * the lock); @param addProcess starts a capture process in a new slot and returns the slot
     */
    public ScriptRunner(Cluster cluster, IntConsumer closePort, IntConsumer openPort, IntSupplier addProcess) {
        this.cluster = cluster;
        this.closePort = closePort;
        this.openPort = openPort;
        this.addProcess = addProcess;
    }

    public void submit(Step step) {
        submitAll(java.util.List.of(step));
    }

    /**
     * Submits a batch all or nothing, as one atomic step: every step is checked first against the
     * cluster as the earlier immediate steps of the batch will leave it (a slot that exists, a
     * process that runs there, a changefeed that exists), then each is applied or scheduled in
     * order. A refused step is a {@link BatchItemException} and nothing has changed.
     */
    public void submitAll(java.util.List<Step> steps) {
        cluster.afterTick(() -> {
            check(steps, java.util.Set.of());
            for (Step step : steps) {
                Timing t = step.timing();
                java.time.Instant at = t.after() == null ? null : cluster.clock().now().plus(t.after());
                cluster.schedule(at, t.onRequest(), matcher(t), () -> apply(step.action()));
            }
        });
    }

    private static Predicate<RequestFacts> matcher(Timing t) {
        PathPattern path = t.path() == null ? null : PathPattern.compile(t.path());
        return r -> (t.method() == null || t.method().equalsIgnoreCase(r.method()))
                && (path == null || path.matches(r.path()));
    }

    /**
     * Fails early on a slot that does not exist, and, for an immediate step, on a capture process
     * that does not run or a changefeed that does not exist; immediate steps of the batch are
     * played forward on a model (processes started, stopped, added), nothing else.
     */
    /**
     * Checks a batch as {@link #submitAll} would, changing nothing; {@code alsoExisting}: changefeeds
     * that will exist by then (a scenario's seeds).
     */
    public void checkAll(java.util.List<Step> steps, java.util.Set<ChangefeedKey> alsoExisting) {
        cluster.afterTick(() -> check(steps, alsoExisting));
    }

    private void check(java.util.List<Step> steps, java.util.Set<ChangefeedKey> alsoExisting) {
        int slots = cluster.membership().slots();
        java.util.Set<Integer> running = new java.util.HashSet<>();
        for (int i = 0; i < slots; i++) if (cluster.membership().at(i) != null) running.add(i);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Action action = step.action();
            boolean now = step.timing().after() == null && step.timing().onRequest() == null;
            if (action instanceof CaptureAction c) {
                if (c.slot() < 0 || c.slot() >= slots) {
                    throw new BatchItemException(i, "no capture slot " + c.slot() + " (the cluster has " + slots + ")");
                }
                if (!now) continue;
                if (c.kind() == CaptureAction.Kind.START) running.add(c.slot());
                else if (!running.contains(c.slot())) {
                    throw new BatchItemException(i, "no capture process runs in slot " + c.slot(), true);
                } else if (c.kind() == CaptureAction.Kind.STOP) running.remove(c.slot());
            } else if (action instanceof ClusterAction a && a.kind() == ClusterAction.Kind.ADD_CAPTURE && now) {
                running.add(slots++);
            } else if (action instanceof ChangefeedAction a && now) {
                ChangefeedKey key = new ChangefeedKey(a.namespace() == null ? ChangefeedKey.DEFAULT_NAMESPACE : a.namespace(),
                        a.changefeed());
                if (cluster.changefeed(key) == null && !alsoExisting.contains(key)) {
                    throw new BatchItemException(i, "no changefeed " + key + " to script", true);
                }
            }
        }
    }

    void apply(Action action) {
        if (action instanceof ChangefeedAction a) changefeed(a);
        else if (action instanceof CaptureAction a) capture(a);
        else if (action instanceof DownstreamAction a) downstream(a);
        else cluster((ClusterAction) action);
    }

    private void downstream(DownstreamAction a) {
        DownstreamAddress address = DownstreamAddress.parse(a.downstream());
        switch (a.kind()) {
            case DOWN -> cluster.downstreams().down(address);
            case DOWN_FOR_CREATES -> cluster.downstreams().downForCreates(address, a.creates());
            case DOWN_FOR -> cluster.downstreams().downFor(address, a.duration());
            case UP -> cluster.downstreams().up(address);
            default -> throw new IllegalArgumentException(a.kind().toString());
        }
    }

    private void changefeed(ChangefeedAction a) {
        ChangefeedKey key = new ChangefeedKey(a.namespace() == null ? ChangefeedKey.DEFAULT_NAMESPACE : a.namespace(), a.changefeed());
        Changefeed cf = cluster.changefeed(key);
        if (cf == null) throw new IllegalStateException("no changefeed " + key + " to script");
        ChangefeedControl c = cluster.control(cf);
        switch (a.kind()) {
            case ERROR -> c.error(a.code(), a.message(), false);
            case PERSISTENT_ERROR -> c.error(a.code(), a.message(), true);
            case FAIL -> c.force(io.faketicdc.internal.cluster.FeedState.FAILED, a.code(), a.message(), null);
            case WARNING -> c.warning(a.code(), a.message(), false);
            case STUCK_WARNING -> c.warning(a.code(), a.message(), true);
            case RECOVER -> c.recover();
            case CHECKPOINT -> c.checkpoint(a.ts());
            case LAG -> c.lag(a.duration());
            case FREEZE -> c.freeze();
            case FINISH -> c.finish();
            case PAUSE -> c.pause();
            case RESUME -> c.resume();
            default -> throw new IllegalArgumentException(a.kind().name().toLowerCase(Locale.ROOT));
        }
    }

    private void capture(CaptureAction a) {
        Capture c = cluster.membership().at(a.slot());
        if (a.kind() == CaptureAction.Kind.START) {
            if (c == null) {
                openPort.accept(a.slot());
                cluster.join(a.slot());
            }
            return;
        }
        if (c == null) throw new IllegalStateException("no capture process runs in slot " + a.slot());
        switch (a.kind()) {
            case NEXT_OWNER -> cluster.membership().forceNextWinner(c);
            case BEGIN_SHUTDOWN -> cluster.stopping(c);
            case STOP -> {
                cluster.leave(c);
                closePort.accept(a.slot());
            }
            case NOT_READY -> c.ready(false);
            case READY -> c.ready(true);
            case NOT_READY_FOR -> {
                c.ready(false);
                cluster.schedule(null, a.requests() + 1, r -> r.slot() == a.slot(), () -> c.ready(true));
            }
            default -> throw new IllegalArgumentException(a.kind().toString());
        }
    }

    private void cluster(ClusterAction a) {
        switch (a.kind()) {
            case RESIGN_OWNER -> cluster.resignOwner();
            case UNHEALTHY -> cluster.unhealthy(true);
            case HEALTHY -> cluster.unhealthy(false);
            case ADD_CAPTURE -> addProcess.getAsInt();
            default -> throw new IllegalArgumentException(a.kind().toString());
        }
    }
}
