package io.faketicdc.internal.script;

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
        Timing t = step.timing();
        cluster.afterTick(() -> {
            validate(step.action());
            java.time.Instant at = t.after() == null ? null : cluster.clock().now().plus(t.after());
            cluster.schedule(at, t.onRequest(), matcher(t), () -> apply(step.action()));
        });
    }

    private static Predicate<RequestFacts> matcher(Timing t) {
        PathPattern path = t.path() == null ? null : PathPattern.compile(t.path());
        return r -> (t.method() == null || t.method().equalsIgnoreCase(r.method()))
                && (path == null || path.matches(r.path()));
    }

    /** Fails early on a changefeed or slot that does not exist when the step is immediate. */
    private void validate(Action action) {
        if (action instanceof CaptureAction c && (c.slot() < 0 || c.slot() >= cluster.membership().slots())) {
            throw new IllegalArgumentException("no capture slot " + c.slot() + " (the cluster has "
                    + cluster.membership().slots() + ")");
        }
    }

    void apply(Action action) {
        if (action instanceof ChangefeedAction a) changefeed(a);
        else if (action instanceof CaptureAction a) capture(a);
        else cluster((ClusterAction) action);
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
