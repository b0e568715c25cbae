package io.faketicdc.internal.cluster;

import static io.faketicdc.internal.cluster.Fixtures.ADDR;
import static io.faketicdc.internal.cluster.Fixtures.START;
import static io.faketicdc.internal.cluster.Fixtures.START_TSO;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.internal.clock.Tso;
import io.faketicdc.internal.clock.VirtualClock;
import io.faketicdc.internal.json.GoStruct;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The owner's feed state manager for one changefeed, driven directly on a manual virtual clock
 * (no cluster, no HTTP). Modelled on {@code pingcap/tiflow cdc/owner/feed_state_manager.go}: errors
 * park a changefeed in {@code pending}, the back-off restarts it in {@code warning}, progress brings it
 * back to {@code normal}; fail-fast codes and stuck checkpoints fail it; {@code target_ts} finishes it.
 */
class FeedStateMachineTest {
    private static final String RETRYABLE = "CDC:ErrKafkaNewProducer";

    private final VirtualClock clock = new VirtualClock(START, false);
    private Changefeed cf = Fixtures.changefeed("cf", START, START_TSO, 0);
    private FeedStateMachine machine = machineFor(cf);

    private FeedStateMachine machineFor(Changefeed feed) {
        FeedStateMachine m = new FeedStateMachine(feed, new Backoff(new SplittableRandom(42)), clock::now);
        feed.machine(m);
        return m;
    }

    /** Moves the clock on and brings the machine to the new now, as a cluster tick does. */
    private void advance(Duration d) {
        clock.advance(d);
        machine.advanceTo(clock.now());
    }

    private RunningError record(String code, String message) {
        return new RunningError(clock.now(), ADDR, code, message);
    }

    private void error(String code, boolean persistent) {
        machine.error(record(code, "boom"), persistent);
    }

    private static long tsoAt(Duration sinceStart) {
        return Tso.of(START.plus(sinceStart));
    }

    // ---- progress -------------------------------------------------------------------------

    @Test
    void theCheckpointFollowsTheClockWhileTheChangefeedRuns() {
        advance(Duration.ofMinutes(10));

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
        assertThat(cf.checkpointTs()).isEqualTo(tsoAt(Duration.ofMinutes(10)));
        assertThat(cf.resolvedTs()).isEqualTo(cf.checkpointTs());
    }

    @Test
    void aLagKeepsTheCheckpointThatFarBehindTheClock() {
        machine.lag(Duration.ofSeconds(30));
        advance(Duration.ofMinutes(5));

        assertThat(cf.checkpointTs()).isEqualTo(tsoAt(Duration.ofSeconds(270)));
    }

    @Test
    void aFrozenCheckpointStaysPutUntilUnfrozenAndThenMovesOnAtTheClocksPace() {
        machine.freeze();
        advance(Duration.ofMinutes(3));
        assertThat(cf.checkpointTs()).isEqualTo(START_TSO);

        machine.unfreeze();
        advance(Duration.ofSeconds(10));
        assertThat(cf.checkpointTs()).isEqualTo(tsoAt(Duration.ofSeconds(10)));
    }

    @Test
    void thePendingStretchIsNotMadeUpOnceTheChangefeedRunsAgain() {
        error(RETRYABLE, false);
        // one advance walks pending (0-50 ms, still), warning (50-100 ms, moving) and normal (100-1000 ms)
        advance(Duration.ofSeconds(1));

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
        assertThat(cf.checkpointTs()).isEqualTo(tsoAt(Duration.ofMillis(950)));
    }

    // ---- errors: pending, back-off, warning, normal ----------------------------------------

    @Test
    void aRetryableErrorParksTheChangefeedInPendingWithTheErrorRecorded() {
        error(RETRYABLE, false);

        assertThat(cf.state()).isEqualTo(FeedState.PENDING);
        assertThat(cf.adminJobType()).isEqualTo(Changefeed.JOB_STOP);
        assertThat(cf.error()).isEqualTo(new RunningError(START, ADDR, RETRYABLE, "boom"));
        assertThat(cf.resolvedTs()).as("pending is not running").isZero();
    }

    @Test
    void aPendingChangefeedsCheckpointDoesNotMove() {
        error(RETRYABLE, false);
        advance(Duration.ofMillis(40));

        assertThat(cf.checkpointTs()).isEqualTo(START_TSO);
    }

    @Test
    void theFirstRestartComesOneOwnerTickAfterTheErrorInWarning() {
        error(RETRYABLE, false);
        advance(FeedStateMachine.TICK.minusMillis(1));
        assertThat(cf.state()).isEqualTo(FeedState.PENDING);

        advance(Duration.ofMillis(1));
        assertThat(cf.state()).isEqualTo(FeedState.WARNING);
        assertThat(cf.adminJobType()).isEqualTo(Changefeed.JOB_NONE);
    }

    @Test
    void aWarningChangefeedReturnsToNormalAfterBackOff() {
        error(RETRYABLE, false);
        advance(FeedStateMachine.TICK);
        assertThat(cf.state()).isEqualTo(FeedState.WARNING);

        advance(FeedStateMachine.TICK); // the restarted changefeed's checkpoint moved on

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
        assertThat(cf.checkpointTs()).isGreaterThan(START_TSO);
    }

    @Test
    void aPersistentErrorComesStraightBackAfterEveryRestart() {
        error(RETRYABLE, true);
        advance(FeedStateMachine.TICK);

        assertThat(cf.state()).isEqualTo(FeedState.PENDING);
        assertThat(cf.error().time()).as("re-reported at the restart").isEqualTo(START.plus(FeedStateMachine.TICK));
    }

    @Test
    void aPersistentErrorIsRetriedWithABackOffThatDoublesFromTwentySecondsWithTenPercentJitter() {
        error(RETRYABLE, true);
        List<Instant> retries = new ArrayList<>();
        for (int s = 0; s < 11 * 60; s++) {
            advance(Duration.ofSeconds(1));
            Instant t = cf.error().time();
            if (retries.isEmpty() || !retries.get(retries.size() - 1).equals(t)) retries.add(t);
        }

        assertThat(retries.get(0)).isEqualTo(START.plus(FeedStateMachine.TICK));
        // the gaps after the immediate first retry: ~20 s, ~40 s, ~80 s, ~160 s, ~320 s (each +-10 %)
        long expected = 20_000;
        for (int i = 1; i < 6; i++, expected *= 2) {
            long gap = Duration.between(retries.get(i - 1), retries.get(i)).toMillis();
            assertThat(gap).as("gap %d", i).isBetween(expected * 9 / 10, expected * 11 / 10);
        }
        assertThat(cf.state()).isEqualTo(FeedState.PENDING);
    }

    @Test
    void aPersistentErrorFailsTheChangefeedOnceTheBackOffWouldOutlastTheStuckDuration() {
        error(RETRYABLE, true);
        advance(Duration.ofMinutes(18)); // retries near 0, 20, 60, 140, 300, 620 s: still retrying
        assertThat(cf.state()).isEqualTo(FeedState.PENDING);

        // the retry near 1220 s would wait ~600 s more: past 30 min, so the back-off stops
        advance(Duration.ofMinutes(7));

        assertThat(cf.state()).isEqualTo(FeedState.FAILED);
        assertThat(cf.adminJobType()).isEqualTo(Changefeed.JOB_STOP);
        assertThat(cf.error().code()).isEqualTo(RETRYABLE);
    }

    @Test
    void theStuckDurationComesFromTheChangefeedsReplicaConfig() {
        GoStruct config = cf.config().copy();
        config.set("changefeed_error_stuck_duration", Duration.ofSeconds(90).toNanos());
        cf.update(cf.sinkUri(), cf.targetTs(), config);
        error(RETRYABLE, true);
        advance(Duration.ofSeconds(45)); // retries near 0 and 20 s
        assertThat(cf.state()).isEqualTo(FeedState.PENDING);

        advance(Duration.ofSeconds(30)); // near 60 s the next wait (~80 s) would pass 90 s

        assertThat(cf.state()).isEqualTo(FeedState.FAILED);
    }

    @Test
    void recoveringDuringTheBackOffBringsTheChangefeedBackToNormalAfterTheNextRetry() {
        error(RETRYABLE, true);
        advance(Duration.ofSeconds(1));
        machine.recover();
        assertThat(cf.state()).as("the retry near 20 s is still to come").isEqualTo(FeedState.PENDING);

        advance(Duration.ofSeconds(30));

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
    }

    // ---- fail-fast ------------------------------------------------------------------------

    static Stream<String> failFastCodes() {
        return FeedStateMachine.FAIL_FAST.stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("failFastCodes")
    void aFailFastCodeFailsTheChangefeedAtOnce(String code) {
        error(code, false);

        assertThat(cf.state()).isEqualTo(FeedState.FAILED);
        assertThat(cf.adminJobType()).isEqualTo(Changefeed.JOB_STOP);
        assertThat(cf.error().code()).isEqualTo(code);
    }

    @Test
    void aFailedChangefeedStaysFailedAsTheClockMoves() {
        error("CDC:ErrGCTTLExceeded", true);
        advance(Duration.ofHours(1));

        assertThat(cf.state()).isEqualTo(FeedState.FAILED);
        assertThat(cf.checkpointTs()).isEqualTo(START_TSO);
    }

    @Test
    void aFailFastCodeFailsEvenAStoppedChangefeed() {
        cf.pause();
        error("CDC:ErrSnapshotLostByGC", false);

        assertThat(cf.state()).isEqualTo(FeedState.FAILED);
    }

    @Test
    void aRetryableErrorIsIgnoredByAStoppedChangefeed() {
        cf.pause();
        error(RETRYABLE, false);
        advance(Duration.ofMinutes(1));

        assertThat(cf.state()).isEqualTo(FeedState.STOPPED);
        assertThat(cf.error()).isNull();
    }

    // ---- warnings -------------------------------------------------------------------------

    @Test
    void aWarningPutsTheChangefeedInWarningAndClearsOnceTheCheckpointMovesOn() {
        machine.warning(record("CDC:ErrProcessorUnknown", "slow"), clock.now(), false);
        assertThat(cf.state()).isEqualTo(FeedState.WARNING);
        assertThat(cf.adminJobType()).isEqualTo(Changefeed.JOB_NONE);

        advance(FeedStateMachine.TICK);

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
        assertThat(cf.warning()).as("the warning record is kept").isNotNull();
    }

    @Test
    void aWarningWhileTheCheckpointIsFrozenKeepsTheChangefeedInWarning() {
        machine.freeze();
        machine.warning(record("CDC:ErrProcessorUnknown", "slow"), clock.now(), false);
        advance(Duration.ofMinutes(10));
        assertThat(cf.state()).isEqualTo(FeedState.WARNING);

        machine.recover();
        advance(Duration.ofSeconds(1));

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
        assertThat(cf.checkpointTs()).isGreaterThan(START_TSO);
    }

    @Test
    void aStuckWarningFailsTheChangefeedAsUnretryableOnceTheStuckDurationHasPassed() {
        machine.warning(record("CDC:ErrProcessorUnknown", "sink is slow"), clock.now(), true);
        advance(Duration.ofMinutes(30).plus(FeedStateMachine.TICK).minusMillis(1));
        assertThat(cf.state()).isEqualTo(FeedState.WARNING);
        assertThat(cf.checkpointTs()).as("a stuck warning freezes the checkpoint").isEqualTo(START_TSO);

        advance(Duration.ofMillis(1));

        assertThat(cf.state()).isEqualTo(FeedState.FAILED);
        assertThat(cf.error().code()).isEqualTo("CDC:ErrChangefeedUnretryable");
        assertThat(cf.error().message()).isEqualTo("sink is slow");
    }

    @Test
    void aWarningOnACheckpointAlreadyStuckLongerThanTheStuckDurationFailsAtOnce() {
        machine.freeze();
        advance(Duration.ofMinutes(31));

        machine.warning(record("CDC:ErrProcessorUnknown", "slow"), clock.now(), false);

        assertThat(cf.state()).isEqualTo(FeedState.FAILED);
        assertThat(cf.error().code()).isEqualTo("CDC:ErrChangefeedUnretryable");
    }

    @Test
    void aWarningIsIgnoredByAChangefeedThatIsNotRunning() {
        cf.pause();
        machine.warning(record("CDC:ErrProcessorUnknown", "slow"), clock.now(), false);

        assertThat(cf.state()).isEqualTo(FeedState.STOPPED);
        assertThat(cf.warning()).isNull();
    }

    // ---- target_ts ------------------------------------------------------------------------

    @Test
    void reachingTargetTsFinishesTheChangefeedWithItsCheckpointAtTheTarget() {
        long target = tsoAt(Duration.ofSeconds(60));
        cf = Fixtures.changefeed("t", START, START_TSO, target);
        machine = machineFor(cf);
        advance(Duration.ofSeconds(59));
        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);

        advance(Duration.ofSeconds(2));

        assertThat(cf.state()).isEqualTo(FeedState.FINISHED);
        assertThat(cf.adminJobType()).isEqualTo(Changefeed.JOB_FINISH);
        assertThat(cf.checkpointTs()).isEqualTo(target);
    }

    @Test
    void withALagTheChangefeedFinishesWhenTheLaggingCheckpointReachesTargetTs() {
        long target = tsoAt(Duration.ofSeconds(60));
        cf = Fixtures.changefeed("t", START, START_TSO, target);
        machine = machineFor(cf);
        machine.lag(Duration.ofSeconds(10));
        advance(Duration.ofSeconds(69));
        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);

        advance(Duration.ofSeconds(1));

        assertThat(cf.state()).isEqualTo(FeedState.FINISHED);
        assertThat(cf.checkpointTs()).isEqualTo(target);
    }

    @Test
    void aFrozenChangefeedNeverReachesItsTarget() {
        cf = Fixtures.changefeed("t", START, START_TSO, tsoAt(Duration.ofSeconds(60)));
        machine = machineFor(cf);
        machine.freeze();
        advance(Duration.ofMinutes(5));

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
        assertThat(cf.checkpointTs()).isEqualTo(START_TSO);
    }

    // ---- pause and resume -----------------------------------------------------------------

    @Test
    void aPausedChangefeedIsStoppedAndItsCheckpointStaysPut() {
        cf.pause();
        advance(Duration.ofMinutes(10));

        assertThat(cf.state()).isEqualTo(FeedState.STOPPED);
        assertThat(cf.adminJobType()).isEqualTo(Changefeed.JOB_STOP);
        assertThat(cf.checkpointTs()).isEqualTo(START_TSO);
        assertThat(cf.resolvedTs()).isZero();
    }

    @Test
    void pausingAPendingChangefeedStopsItsRetries() {
        error(RETRYABLE, true);
        cf.pause();
        advance(Duration.ofMinutes(1));

        assertThat(cf.state()).isEqualTo(FeedState.STOPPED);
        assertThat(cf.error().time()).as("no retry re-reported the error").isEqualTo(START);
    }

    @Test
    void pausingAFailedChangefeedIsIgnored() {
        error("CDC:ErrGCTTLExceeded", false);
        cf.pause();

        assertThat(cf.state()).isEqualTo(FeedState.FAILED);
    }

    @Test
    void aResumedChangefeedRunsOnFromItsCheckpoint() {
        advance(Duration.ofSeconds(10));
        cf.pause();
        advance(Duration.ofMinutes(5));
        cf.resume(0);
        advance(Duration.ofSeconds(10));

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
        assertThat(cf.adminJobType()).isEqualTo(Changefeed.JOB_NONE);
        assertThat(cf.checkpointTs()).isEqualTo(tsoAt(Duration.ofSeconds(20)));
    }

    @Test
    void resumingAFailedChangefeedClearsTheErrorButNotTheWarning() {
        machine.warning(record("CDC:ErrProcessorUnknown", "slow"), clock.now(), false);
        error("CDC:ErrGCTTLExceeded", false);
        cf.resume(0);

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
        assertThat(cf.error()).isNull();
        assertThat(cf.warning()).isNotNull();
    }

    @Test
    void resumingWithAnOverwrittenCheckpointStartsFromIt() {
        error("CDC:ErrGCTTLExceeded", false);
        long overwrite = tsoAt(Duration.ofMinutes(2));
        cf.resume(overwrite);

        assertThat(cf.checkpointTs()).isEqualTo(overwrite);
        assertThat(cf.startTs()).isEqualTo(overwrite);
    }

    @Test
    void resumingARunningChangefeedIsIgnored() {
        advance(Duration.ofSeconds(5));
        cf.resume(tsoAt(Duration.ofMinutes(9)));

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
        assertThat(cf.checkpointTs()).isEqualTo(tsoAt(Duration.ofSeconds(5)));
    }

    @Test
    void aResumeResetsTheBackOffSoTheNextErrorIsRetriedQuicklyAgain() {
        error(RETRYABLE, true);
        advance(Duration.ofMinutes(5)); // the back-off has grown to minutes
        cf.pause();
        cf.resume(0);
        Instant resumedAt = clock.now();

        error(RETRYABLE, true);
        advance(FeedStateMachine.TICK);
        assertThat(cf.error().time()).as("immediate first retry").isEqualTo(resumedAt.plus(FeedStateMachine.TICK));
        advance(Duration.ofSeconds(23));

        assertThat(Duration.between(resumedAt, cf.error().time()).toMillis())
                .as("the second retry follows ~20 s later again").isBetween(18_000L, 22_100L);
    }

    // ---- a downstream that is down (scripted), driving the same retries as a persistent error ----

    @Test
    void aDownstreamGoingDownParksARunningChangefeedInPendingWithTheSinksError() {
        machine.downstream(record(RETRYABLE, "kafka down"));
        assertThat(cf.state()).isEqualTo(FeedState.PENDING);
        assertThat(cf.error().message()).isEqualTo("kafka down");
        advance(Duration.ofMinutes(3));
        assertThat(cf.state()).as("every restart meets it again").isIn(FeedState.PENDING, FeedState.WARNING);
        assertThat(cf.error().time()).isAfter(START);
    }

    @Test
    void aDownstreamComingBackLetsTheNextRetryRecover() {
        machine.downstream(record(RETRYABLE, "kafka down"));
        advance(Duration.ofMinutes(3));
        machine.downstream(null);
        advance(Duration.ofMinutes(11));
        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
    }

    @Test
    void aDownstreamThatStaysDownFailsTheChangefeedAfterTheStuckDuration() {
        machine.downstream(record(RETRYABLE, "kafka down"));
        advance(Duration.ofMinutes(40));
        assertThat(cf.state()).isEqualTo(FeedState.FAILED);
    }

    @Test
    void aStoppedChangefeedMeetsItsDownDownstreamWhenResumed() {
        cf.pause();
        machine.downstream(record(RETRYABLE, "kafka down"));
        assertThat(cf.state()).isEqualTo(FeedState.STOPPED);
        cf.resume(0);
        assertThat(cf.state()).isEqualTo(FeedState.PENDING);
        machine.downstream(null);
        cf.pause();
        cf.resume(0);
        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
    }
}
