package io.faketicdc.internal.cluster;

import static io.faketicdc.internal.cluster.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.internal.clock.Tso;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The owner's tick loop on a cluster without HTTP: when a tick is full and when it may take the
 * fast path (neither the clock nor any state machine moved), shutdown batches per owner tick of
 * clock time, and the minutely balance check. {@link OwnerTicks#tick()} answers whether the tick
 * was full.
 */
class OwnerTicksTest {
    private static final RequestFacts LIST = new RequestFacts("GET", "/api/v2/changefeeds", "list changefeeds", 0);

    private Cluster cluster = Fixtures.cluster(3);
    private OwnerTicks ticks = cluster.ticks();
    private final List<String> ran = new ArrayList<>();

    private Runnable log(String name) {
        return () -> ran.add(name);
    }

    private Capture capture(int slot) {
        return cluster.membership().at(slot);
    }

    /** A normal changefeed whose target_ts lies 5 s before the clock and whose checkpoint is 10 s behind it. */
    private Changefeed behindItsTarget() {
        Changefeed cf = Fixtures.changefeed("cf", START, Tso.of(START.minusSeconds(10)), Tso.of(START.minusSeconds(5)));
        cluster.add(cf);
        return cf;
    }

    // ---- full ticks and the fast path -----------------------------------------------------

    @Test
    void theFirstTickIsAFullTick() {
        assertThat(ticks.tick()).isTrue();
    }

    @Test
    void aTickWithNeitherTheClockNorAnyStateMachineMovedTakesTheFastPath() {
        ticks.tick();

        assertThat(ticks.tick()).isFalse();
        assertThat(ticks.tick()).isFalse();
    }

    @Test
    void aTickAfterTheClockMovedIsAFullTick() {
        ticks.tick();
        cluster.clock().advance(Duration.ofMillis(1));

        assertThat(ticks.tick()).isTrue();
        assertThat(ticks.tick()).isFalse();
    }

    @Test
    void aTickAfterTheClockWasSetBackIsAFullTick() {
        ticks.tick();
        cluster.clock().set(START.minusSeconds(1));

        assertThat(ticks.tick()).isTrue();
    }

    @Test
    void aChangeDueOnTheTimelineMakesTheTickFullAndApplies() {
        ticks.tick();
        cluster.scheduleAt(START, log("due now"));

        assertThat(ticks.tick()).isTrue();
        assertThat(ran).containsExactly("due now");
    }

    @Test
    void aRequestThatAppliedAScheduledChangeMakesTheNextTickFull() {
        cluster.schedule(null, 1, r -> true, log("on request"));

        ticks.onRequest(LIST);

        assertThat(ran).containsExactly("on request");
        assertThat(ticks.tick()).isTrue();
    }

    @Test
    void aRequestThatAppliedNothingLeavesTheNextTickOnTheFastPath() {
        ticks.tick();

        ticks.onRequest(LIST);

        assertThat(ticks.tick()).isFalse();
    }

    @Test
    void theFastPathStillBringsAChangefeedTouchedSinceTheLastTickToNow() {
        Changefeed cf = behindItsTarget();
        ticks.tick();
        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);

        // a lag puts the checkpoint at target_ts at once; reaching it finishes the changefeed on a tick
        cluster.control(cf).lag(Duration.ofSeconds(1));
        assertThat(cf.checkpointTs()).isEqualTo(cf.targetTs());

        assertThat(ticks.tick()).isFalse();
        assertThat(cf.state()).isEqualTo(FeedState.FINISHED);
    }

    @Test
    void aChangefeedChangedWithoutBeingMarkedTouchedWaitsForTheNextFullTick() {
        Changefeed cf = behindItsTarget();
        ticks.tick();

        cf.machine().lag(Duration.ofSeconds(1));
        ticks.tick();
        assertThat(cf.state()).as("the fast path only looks at touched changefeeds").isEqualTo(FeedState.NORMAL);

        cluster.clock().advance(Duration.ofMillis(1));
        ticks.tick();
        assertThat(cf.state()).isEqualTo(FeedState.FINISHED);
    }

    @Test
    void theFastPathSkipsATouchedChangefeedThatWasRemovedMeanwhile() {
        Changefeed cf = behindItsTarget();
        ticks.tick();
        cluster.control(cf).lag(Duration.ofSeconds(1));

        cluster.remove(cf.key());
        ticks.tick();

        assertThat(cf.state()).isEqualTo(FeedState.NORMAL);
    }

    // ---- graceful shutdown ----------------------------------------------------------------

    /** Three changefeeds, each with one table (106) on slot 1; tables move one per batch. */
    private void threeTablesOnSlotOne() {
        for (String id : List.of("a", "b", "c")) Fixtures.create(cluster, id);
        cluster.drainBatch(1);
        ticks.tick();
        assertThat(cluster.tablesOn(capture(1))).isEqualTo(3);
    }

    @Test
    void whileACaptureShutsDownEveryTickIsFull() {
        threeTablesOnSlotOne();

        cluster.stopping(capture(1));

        assertThat(ticks.tick()).isTrue();
        assertThat(ticks.tick()).isTrue();
    }

    @Test
    void lessThanAnOwnerTickOfClockTimeMovesNoTablesButCountsTowardsTheNext() {
        threeTablesOnSlotOne();
        cluster.stopping(capture(1));

        cluster.clock().advance(FeedStateMachine.TICK.minusMillis(1));
        ticks.tick();
        assertThat(cluster.tablesOn(capture(1))).isEqualTo(3);

        cluster.clock().advance(Duration.ofMillis(1));
        ticks.tick();
        assertThat(cluster.tablesOn(capture(1))).isEqualTo(2);
    }

    @Test
    void aClockJumpMovesABatchForEveryOwnerTickItSpans() {
        threeTablesOnSlotOne();
        cluster.stopping(capture(1));

        cluster.clock().advance(FeedStateMachine.TICK.multipliedBy(2));
        ticks.tick();

        assertThat(cluster.tablesOn(capture(1))).isEqualTo(1);
    }

    @Test
    void onceTheStoppingCaptureHoldsNoTablesTicksTakeTheFastPathAgain() {
        threeTablesOnSlotOne();
        cluster.stopping(capture(1));

        cluster.clock().advance(FeedStateMachine.TICK.multipliedBy(10));
        ticks.tick();

        assertThat(cluster.tablesOn(capture(1))).isZero();
        assertThat(ticks.tick()).isFalse();
    }

    // ---- the minutely balance check -------------------------------------------------------

    /** Two captures, all four tables on slot 0, and slot 1 restarted empty. */
    private Changefeed unbalanced() {
        cluster = Fixtures.cluster(2);
        ticks = cluster.ticks();
        cluster.leave(capture(1));
        Changefeed cf = Fixtures.create(cluster, "cf");
        cluster.join(1);
        return cf;
    }

    @Test
    void theBalanceCheckComesAMinuteOfClockTimeAfterTheFirstTick() {
        Changefeed cf = unbalanced();
        ticks.tick();

        cluster.clock().advance(Duration.ofSeconds(59));
        ticks.tick();
        assertThat(cluster.tablesOn(capture(1))).isZero();

        cluster.clock().advance(Duration.ofSeconds(1));
        ticks.tick();
        assertThat(cluster.tablesOn(capture(1))).isEqualTo(2);
        assertThat(cf.tables()).hasSize(4);
    }

    @Test
    void settingTheClockBackStartsTheBalanceMinuteAgainFromThere() {
        unbalanced();
        ticks.tick();
        cluster.clock().set(START.minusSeconds(30));
        ticks.tick();

        cluster.clock().set(START.plusSeconds(29));
        ticks.tick();
        assertThat(cluster.tablesOn(capture(1))).isZero();

        cluster.clock().set(START.plusSeconds(30));
        ticks.tick();
        assertThat(cluster.tablesOn(capture(1))).as("a minute after the clock was set back, not after the first tick")
                .isEqualTo(2);
    }
}
