package io.faketicdc.internal.cluster;

import io.faketicdc.internal.clock.Tso;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The owner's feed state manager for one changefeed (cdc/owner/feed_state_manager.go), driven by
 * the virtual clock: errors park it in {@code pending}, retries restart it in {@code warning} after
 * the back-off, progress brings it back to {@code normal}, too long a retry or a stuck checkpoint
 * fails it, and reaching {@code target_ts} finishes it. The checkpoint follows the clock minus a
 * lag while the changefeed runs, unless frozen.
 */
final class FeedStateMachine {
    /** One owner tick (OwnerFlushInterval): how long a state change takes to follow its cause. */
    static final Duration TICK = Duration.ofMillis(50);
    static final Set<String> FAIL_FAST = Set.of("CDC:ErrGCTTLExceeded", "CDC:ErrSnapshotLostByGC",
            "CDC:ErrStartTsBeforeGC", "CDC:ErrSinkURIInvalid", "CDC:ErrKafkaInvalidConfig", "CDC:ErrMySQLInvalidConfig",
            "CDC:ErrStorageSinkInvalidConfig", "CDC:ErrChangefeedUnretryable", "CDC:ErrInvalidFilterExpression",
            "CDC:ErrDispatcherFailed", "CDC:ErrColumnSelectorFailed", "CDC:ErrSchemaSnapshotNotFound",
            "CDC:ErrSyncRenameTableFailed", "CDC:ErrCorruptedDataMutation");

    private final Changefeed cf;
    private final Backoff backoff;
    private final java.util.function.Supplier<Instant> clock;
    private boolean retrying;
    private Instant lastRetry;
    private Duration backoffInterval = Duration.ZERO;
    private Instant restartedAt;
    private long retryCheckpoint;
    private long warningCheckpoint;
    private Instant checkpointAdvancedAt;
    /** A scripted error the processors keep reporting after every restart, until recovered. */
    private RunningError persistentError;
    /** The error opening its sink ends in while its downstream is scripted down; null when up. */
    private RunningError downstreamError;
    /** A scripted warning reported while the checkpoint is stuck. */
    private RunningError stuckWarning;
    /** Set: the checkpoint is kept this far behind the clock; null: it keeps the distance it has. */
    private Duration lag;
    private Instant lastProgress;
    private boolean frozen;

    FeedStateMachine(Changefeed cf, Backoff backoff, java.util.function.Supplier<Instant> clock) {
        this.cf = cf;
        this.backoff = backoff;
        this.clock = clock;
        this.checkpointAdvancedAt = clock.get();
        this.lastProgress = checkpointAdvancedAt;
    }

    void lag(Duration lag) {
        this.lag = lag;
        this.frozen = false;
        progress(clock.get());
    }
    void freeze() { this.frozen = true; }
    void unfreeze() {
        this.frozen = false;
        this.lastProgress = clock.get();
    }
    boolean frozen() { return frozen; }
    Duration lag() { return lag; }

    /** HandleError: fail-fast codes fail at once; others park the changefeed in pending for a retry. */
    void error(RunningError e, boolean persistent) {
        if (persistent) persistentError = e;
        if (FAIL_FAST.contains(e.code())) {
            cf.error(e);
            cf.state(FeedState.FAILED, Changefeed.JOB_STOP);
            persistentError = null;
            return;
        }
        if (!cf.state().pausable()) return;
        cf.state(FeedState.PENDING, Changefeed.JOB_STOP);
        cf.error(e);
        if (!retrying) {
            backoff.reset(e.time());
            backoffInterval = backoff.next(e.time(), stuckDuration());
            if (backoffInterval == null) backoffInterval = Duration.ZERO;
            lastRetry = Instant.EPOCH;
            retrying = true;
        }
    }

    /** HandleWarning: the warning state and record; a warning on a checkpoint stuck too long fails it. */
    void warning(RunningError w, Instant now, boolean stuck) {
        if (stuck) {
            stuckWarning = w;
            frozen = true;
        }
        if (!cf.state().running()) return;
        warningCheckpoint = cf.checkpointTs();
        if (Duration.between(checkpointAdvancedAt, now).compareTo(stuckDuration()) > 0) {
            error(new RunningError(w.time(), w.addr(), "CDC:ErrChangefeedUnretryable", w.message()), false);
            return;
        }
        cf.state(FeedState.WARNING, Changefeed.JOB_NONE);
        cf.warning(w);
        restartedAt = now;
    }

    /** The processors stop reporting the scripted error or warning. */
    void recover() {
        persistentError = null;
        stuckWarning = null;
        if (frozen) unfreeze();
    }

    /** A manual resume resets the retry state; a sink whose downstream is down fails to open again. */
    void resumed() {
        retrying = false;
        restartedAt = null;
        checkpointAdvancedAt = clock.get();
        lastProgress = checkpointAdvancedAt;
        if (downstreamError != null) error(at(downstreamError, clock.get()), false);
    }

    /**
     * Its downstream went down (the error opening the sink) or came back (null). Going down is an
     * error now when it runs or retries; each restart meets it again until the downstream is back,
     * as with a persistent error; then the next restart succeeds.
     */
    void downstream(RunningError e) {
        boolean was = downstreamError != null;
        downstreamError = e;
        if (e != null && !was && cf.state().pausable()) error(e, false);
    }

    boolean downstreamDown() {
        return downstreamError != null;
    }

    private static RunningError at(RunningError e, Instant t) {
        return new RunningError(t, e.addr(), e.code(), e.message());
    }

    /** Brings the changefeed to {@code now}, one event at a time, in time order. */
    void advanceTo(Instant now) {
        for (int guard = 0; guard < 10_000; guard++) {
            Instant t = nextEvent(now);
            if (t == null) break;
            fire(t);
        }
        progress(now);
    }

    private Instant nextEvent(Instant now) {
        Instant t = null;
        FeedState s = cf.state();
        if (s == FeedState.PENDING && retrying) {
            t = lastRetry.equals(Instant.EPOCH) ? cf.error().time().plus(TICK) : lastRetry.plus(backoffInterval);
        } else if (s == FeedState.WARNING && stuckWarning != null) {
            t = checkpointAdvancedAt.plus(stuckDuration()).plus(TICK);
        } else if (s == FeedState.WARNING && restartedAt != null && persistentError == null && downstreamError == null
                && !frozen) {
            t = restartedAt.plus(TICK);
        } else if (s == FeedState.NORMAL || s == FeedState.WARNING) {
            if (cf.targetTs() != 0 && !frozen) t = whenCheckpointReaches(cf.targetTs());
        }
        return t != null && !t.isAfter(now) ? t : null;
    }

    private void fire(Instant t) {
        progress(t);
        FeedState s = cf.state();
        if (s == FeedState.PENDING) {
            Duration next = backoff.next(t, stuckDuration());
            if (next == null) {
                cf.state(FeedState.FAILED, Changefeed.JOB_STOP);
                retrying = false;
                return;
            }
            backoffInterval = next;
            lastRetry = t;
            retryCheckpoint = cf.checkpointTs();
            cf.state(FeedState.WARNING, Changefeed.JOB_NONE);
            restartedAt = t;
            if (persistentError != null) {
                error(at(persistentError, t), false);
            } else if (downstreamError != null) {
                error(at(downstreamError, t), false);
            }
        } else if (s == FeedState.WARNING && stuckWarning != null) {
            RunningError w = stuckWarning;
            stuckWarning = null;
            error(new RunningError(t, w.addr(), "CDC:ErrChangefeedUnretryable", w.message()), false);
        } else if (s == FeedState.WARNING && restartedAt != null && cf.checkpointTs() >= retryCheckpoint
                && cf.checkpointTs() >= warningCheckpoint) {
            cf.state(FeedState.NORMAL, Changefeed.JOB_NONE);
            retrying = false;
            restartedAt = null;
        } else if (cf.targetTs() != 0) {
            cf.checkpoint(cf.targetTs(), cf.targetTs());
            cf.state(FeedState.FINISHED, Changefeed.JOB_FINISH);
        }
    }

    /**
     * While it runs and is not frozen, the checkpoint moves with the clock: kept {@code lag} behind
     * it when a lag is set, else at the clock's pace from where it is. Never past target_ts.
     */
    private void progress(Instant t) {
        FeedState s = cf.state();
        boolean moving = !frozen && (s == FeedState.NORMAL || s == FeedState.WARNING);
        if (moving && t.isAfter(lastProgress) || moving && lag != null) {
            long physical = lag != null ? t.minus(lag).toEpochMilli()
                    : Tso.physical(cf.checkpointTs()) + Duration.between(lastProgress, t).toMillis();
            long ts = Tso.compose(physical, 0);
            if (cf.targetTs() != 0 && Long.compareUnsigned(ts, cf.targetTs()) > 0) ts = cf.targetTs();
            if (Long.compareUnsigned(ts, cf.checkpointTs()) > 0) {
                cf.checkpoint(ts, ts);
                checkpointAdvancedAt = t;
            }
        }
        if (!t.isBefore(lastProgress)) lastProgress = t;
    }

    /** The clock instant at which a moving checkpoint reaches {@code ts}. */
    private Instant whenCheckpointReaches(long ts) {
        if (lag != null) return Tso.toInstant(ts).plus(lag);
        long behind = Tso.physical(ts) - Tso.physical(cf.checkpointTs());
        return lastProgress.plusMillis(Math.max(0, behind));
    }

    private Duration stuckDuration() {
        Object d = cf.config().has("changefeed_error_stuck_duration") ? cf.config().get("changefeed_error_stuck_duration") : null;
        return d instanceof Long nanos ? Duration.ofNanos(nanos) : Duration.ofMinutes(30);
    }
}
