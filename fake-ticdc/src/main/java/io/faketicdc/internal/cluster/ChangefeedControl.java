package io.faketicdc.internal.cluster;

import io.faketicdc.internal.clock.Tso;
import java.time.Duration;
import java.time.Instant;

/** What a script can do to one changefeed: errors, warnings, progress and state. Call within one of the cluster's atomic steps. */
public final class ChangefeedControl {
    private final Changefeed cf;
    private final FeedStateMachine machine;
    private final Cluster cluster;

    ChangefeedControl(Changefeed cf, FeedStateMachine machine, Cluster cluster) {
        this.cf = cf;
        this.machine = machine;
        this.cluster = cluster;
    }

    private RunningError record(String code, String message) {
        Capture owner = cluster.owner();
        String addr = owner != null ? owner.address() : cluster.membership().address(0);
        return new RunningError(cluster.clock().now(), addr, code, message);
    }

    /** A processor reports an error: fail-fast codes fail it; others retry with back-off. */
    public void error(String code, String message, boolean persistent) {
        machine.error(record(code, message), persistent);
    }

    /** A processor reports a warning; {@code stuck}: the checkpoint stops until recovered. */
    public void warning(String code, String message, boolean stuck) {
        machine.warning(record(code, message), cluster.clock().now(), stuck);
    }

    public void recover() {
        machine.recover();
    }

    public void lag(Duration lag) {
        machine.lag(lag);
    }

    public void freeze() {
        machine.freeze();
    }

    /** Sets the checkpoint (and resolved ts) and stops automatic progress. */
    public void checkpoint(long ts) {
        machine.freeze();
        cf.checkpoint(ts, ts);
    }

    /** Reaches {@code target_ts} now (or the current TSO when there is none) and finishes. */
    public void finish() {
        long target = cf.targetTs() != 0 ? cf.targetTs() : Tso.of(cluster.clock().now());
        cf.checkpoint(target, target);
        cf.state(FeedState.FINISHED, Changefeed.JOB_FINISH);
        cluster.reschedule(cf);
    }

    public void pause() {
        cf.pause();
        cluster.reschedule(cf);
    }

    public void resume() {
        cf.resume(0);
        cluster.reschedule(cf);
    }

    /** Puts the changefeed straight into a state (for seeding), with an optional error record. */
    public void force(FeedState state, String errorCode, String errorMessage, Instant errorTime) {
        int job = switch (state) {
            case STOPPED, FAILED, PENDING -> Changefeed.JOB_STOP;
            case FINISHED -> Changefeed.JOB_FINISH;
            default -> Changefeed.JOB_NONE;
        };
        cf.state(state, job);
        if (errorCode != null) {
            RunningError e = record(errorCode, errorMessage);
            RunningError timed = errorTime != null ? new RunningError(errorTime, e.addr(), e.code(), e.message()) : e;
            if (state == FeedState.WARNING) cf.warning(timed); else cf.error(timed);
        }
        cluster.reschedule(cf);
    }
}
