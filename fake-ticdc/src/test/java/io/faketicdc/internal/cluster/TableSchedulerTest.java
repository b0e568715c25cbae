package io.faketicdc.internal.cluster;

import static io.faketicdc.internal.cluster.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import io.faketicdc.internal.json.GoStruct;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Table placement, the owner's minutely balance check, drains and graceful shutdowns, on a cluster
 * without HTTP. The rules follow tiflow's scheduler v3: {@code pingcap/tiflow
 * cdc/scheduler/internal/v3/scheduler/scheduler_basic.go} (new tables skip stopping captures),
 * {@code scheduler_balance.go} (no balancing while a capture is stopping),
 * {@code scheduler_drain_capture.go} (one target, cleared once it holds no tables, destinations every
 * capture but the target) and {@code coordinator.go} / {@code cdc/owner/owner.go} (what a drain call
 * counts). The fake's upstream has four tables, 104, 106, 108 and 110.
 */
class TableSchedulerTest {
    private Cluster cluster = Fixtures.cluster(3);

    private Capture capture(int slot) {
        return cluster.membership().at(slot);
    }

    private static List<Long> tablesOf(Changefeed cf, Capture c) {
        List<Long> out = new ArrayList<>();
        for (Map.Entry<Long, String> e : cf.tables().entrySet()) {
            if (e.getValue().equals(c.id())) out.add(e.getKey());
        }
        out.sort(null);
        return out;
    }

    private void advance(Duration d) {
        cluster.clock().advance(d);
        cluster.tick();
    }

    /** Polls a drain as TiUP does, until it answers 0; returns every answer. */
    private List<Integer> drainUntilZero(Capture c) {
        List<Integer> answers = new ArrayList<>();
        int count;
        do {
            count = cluster.drainPoll(c);
            answers.add(count);
        } while (count > 0 && answers.size() < 20);
        return answers;
    }

    /** Three changefeeds a, b and c, each with 104 and 110 on slot 0, 106 on slot 1, 108 on slot 2. */
    private List<Changefeed> threeChangefeeds() {
        return List.of(Fixtures.create(cluster, "a"), Fixtures.create(cluster, "b"), Fixtures.create(cluster, "c"));
    }

    // ---- placement ------------------------------------------------------------------------

    @Test
    void eachTableGoesToTheCaptureHoldingFewestTablesOfItsChangefeedTheLowestSlotOnTies() {
        Changefeed cf = Fixtures.create(cluster, "cf");

        assertThat(tablesOf(cf, capture(0))).containsExactly(104L, 110L);
        assertThat(tablesOf(cf, capture(1))).containsExactly(106L);
        assertThat(tablesOf(cf, capture(2))).containsExactly(108L);
    }

    @Test
    void onlyTheTablesTheFilterSelectsArePlaced() {
        Changefeed cf = Fixtures.changefeed("cf", START, cluster.currentTso(), 0);
        GoStruct config = cf.config().copy();
        config.struct("filter").set("rules", List.of("test.t1", "test.t3"));
        cf.update(cf.sinkUri(), cf.targetTs(), config);
        cluster.add(cf);

        assertThat(cf.tables()).containsOnlyKeys(104L, 108L);
    }

    @Test
    void aChangefeedThatIsNotRunningHoldsNoTablesAndGetsThemBackWhenResumed() {
        Changefeed cf = Fixtures.create(cluster, "cf");

        cluster.control(cf).pause();
        assertThat(cf.tables()).isEmpty();

        cluster.control(cf).resume();
        assertThat(cf.tables()).containsOnlyKeys(104L, 106L, 108L, 110L);
    }

    @Test
    void theTablesOfACaptureThatLeftMoveToTheLeastLoadedRemainingCapture() {
        Changefeed cf = Fixtures.create(cluster, "cf");

        cluster.leave(capture(1));

        assertThat(tablesOf(cf, capture(0))).containsExactly(104L, 110L);
        assertThat(tablesOf(cf, capture(2))).containsExactly(106L, 108L);
    }

    @Test
    void aCaptureThatJoinsHoldsNoTablesUntilTablesLoseTheirHome() {
        cluster.leave(capture(2));
        Changefeed cf = Fixtures.create(cluster, "cf");
        Capture restarted = cluster.join(2);
        assertThat(tablesOf(cf, restarted)).isEmpty();

        cluster.leave(capture(1));

        assertThat(tablesOf(cf, restarted)).containsExactly(106L, 110L);
    }

    @Test
    void newTablesAreNotPlacedOnAStoppingCapture() {
        cluster.stopping(capture(1));

        Changefeed cf = Fixtures.create(cluster, "cf");

        assertThat(tablesOf(cf, capture(1))).isEmpty();
        assertThat(cf.tables()).hasSize(4);
    }

    // ---- the minutely balance check -------------------------------------------------------

    /** Two captures, all four tables on slot 0, and slot 1 restarted empty. */
    private Changefeed unbalanced() {
        cluster = Fixtures.cluster(2);
        cluster.leave(capture(1));
        Changefeed cf = Fixtures.create(cluster, "cf");
        cluster.join(1);
        return cf;
    }

    @Test
    void theBalanceCheckRunsOnceAMinuteOfClockTime() {
        Changefeed cf = unbalanced();
        cluster.tick();
        advance(Duration.ofSeconds(59));
        assertThat(tablesOf(cf, capture(1))).isEmpty();

        advance(Duration.ofSeconds(1));

        assertThat(tablesOf(cf, capture(0))).containsExactly(108L, 110L);
        assertThat(tablesOf(cf, capture(1))).containsExactly(104L, 106L);
    }

    @Test
    void aCaptureHoldingMoreThanItsShareGivesItsLowestTablesToTheLeastLoaded() {
        Changefeed cf = unbalanced();

        TableScheduler.balance(cluster);

        assertThat(tablesOf(cf, capture(0))).containsExactly(108L, 110L);
        assertThat(tablesOf(cf, capture(1))).containsExactly(104L, 106L);
    }

    @Test
    void theBalanceCheckLeavesTablesAloneWhereNoCaptureHoldsMoreThanItsShare() {
        Changefeed cf = Fixtures.create(cluster, "cf");
        Map<Long, String> before = Map.copyOf(cf.tables());

        TableScheduler.balance(cluster);

        assertThat(cf.tables()).isEqualTo(before);
    }

    @Test
    void onlyNormalChangefeedsAreBalanced() {
        Changefeed cf = unbalanced();
        cf.state(FeedState.WARNING, Changefeed.JOB_NONE);

        TableScheduler.balance(cluster);

        assertThat(tablesOf(cf, capture(1))).isEmpty();
    }

    @Test
    void theBalanceCheckDoesNothingWhileAnyCaptureIsStopping() {
        Changefeed cf = unbalanced();
        cluster.addSlot("127.0.0.1:8302");
        Capture third = cluster.join(2);
        cluster.membership().stopping(third);

        TableScheduler.balance(cluster);

        assertThat(tablesOf(cf, capture(0))).containsExactly(104L, 106L, 108L, 110L);
    }

    // ---- graceful shutdown ----------------------------------------------------------------

    @Test
    void aStoppingCapturesTablesMoveAwayABatchPerOwnerTick() {
        List<Changefeed> feeds = threeChangefeeds();
        cluster.drainBatch(1);
        cluster.tick();
        cluster.stopping(capture(1));
        assertThat(cluster.tablesOn(capture(1))).as("kept until shutdown steps move them").isEqualTo(3);

        advance(FeedStateMachine.TICK);
        assertThat(cluster.tablesOn(capture(1))).isEqualTo(2);
        advance(FeedStateMachine.TICK.multipliedBy(2));

        assertThat(cluster.tablesOn(capture(1))).isZero();
        assertThat(feeds).allSatisfy(cf -> assertThat(cf.tables()).hasSize(4));
    }

    @Test
    void aShutdownStepAlsoRunsOnEveryRequest() {
        threeChangefeeds();
        cluster.stopping(capture(1));

        cluster.onRequest(new RequestFacts("GET", "/api/v2/captures", "list captures", 0));

        assertThat(cluster.tablesOn(capture(1))).isEqualTo(1);
    }

    // ---- drain ----------------------------------------------------------------------------

    @Test
    void aDrainPollAnswersTheCountFromBeforeItMovedABatch() {
        threeChangefeeds();

        assertThat(cluster.drainPoll(capture(1))).isEqualTo(3);

        assertThat(cluster.tablesOn(capture(1))).isEqualTo(1);
    }

    @Test
    void drainPollsMoveEveryTableAwayABatchAtATimeUntilTheCountIsZero() {
        List<Changefeed> feeds = threeChangefeeds();

        assertThat(drainUntilZero(capture(1))).containsExactly(3, 1, 0);
        assertThat(cluster.drainPoll(capture(1))).isZero();
        assertThat(feeds).allSatisfy(cf -> assertThat(cf.tables()).hasSize(4));
    }

    @Test
    void theDrainBatchSetsHowManyTablesAPollMoves() {
        threeChangefeeds();
        cluster.drainBatch(10);

        assertThat(drainUntilZero(capture(1))).containsExactly(3, 0);
    }

    @Test
    void aDrainMovesTablesToTheLeastLoadedOtherCaptureIncludingTheOwner() {
        cluster = Fixtures.cluster(2);
        Changefeed cf = Fixtures.create(cluster, "cf");

        drainUntilZero(capture(1));

        assertThat(tablesOf(cf, capture(0))).containsExactly(104L, 106L, 108L, 110L);
    }

    @Test
    void onlyTablesOfNormalChangefeedsAreCountedAndMoved() {
        List<Changefeed> feeds = threeChangefeeds();
        Changefeed warning = feeds.get(1);
        warning.state(FeedState.WARNING, Changefeed.JOB_NONE);

        assertThat(drainUntilZero(capture(1))).containsExactly(2, 0);

        assertThat(tablesOf(warning, capture(1))).containsExactly(106L);
    }

    @Test
    void aCaptureBeingDrainedReceivesNoNewTables() {
        threeChangefeeds();
        cluster.drainPoll(capture(1));

        Changefeed later = Fixtures.create(cluster, "later");

        assertThat(tablesOf(later, capture(1))).isEmpty();
    }

    @Test
    void theBalanceCheckDoesNothingWhileADrainedCaptureIsStillAlive() {
        cluster = Fixtures.cluster(4);
        cluster.leave(capture(2));
        cluster.leave(capture(3));
        Changefeed cf = Fixtures.create(cluster, "cf"); // slot 0: 104, 108; slot 1: 106, 110
        cluster.join(2);
        cluster.join(3);
        drainUntilZero(capture(1)); // 106 to slot 2, 110 to slot 3; slot 0 now holds more than its share of 1

        TableScheduler.balance(cluster);

        assertThat(tablesOf(cf, capture(0))).containsExactly(104L, 108L);
        assertThat(tablesOf(cf, capture(1))).isEmpty();
    }

    // ---- drain: one target, its destinations, and what the answer counts ------------------

    @Test
    void drainingACaptureThatHoldsNoTablesLeavesItFreeToReceiveTables() {
        assertThat(cluster.drainPoll(capture(2))).isZero();

        Changefeed cf = Fixtures.create(cluster, "cf");

        assertThat(capture(2).schedulable()).isTrue();
        assertThat(tablesOf(cf, capture(2))).containsExactly(108L);
    }

    @Test
    void aCaptureDrainedEarlierAndStillAliveTakesTablesFromALaterDrain() {
        List<Changefeed> feeds = threeChangefeeds();
        drainUntilZero(capture(1)); // every 106 went to slot 2

        assertThat(drainUntilZero(capture(2))).last().isEqualTo(0);

        // slot 1 holds none of a changefeed's tables: the fewest, so it takes them first
        assertThat(feeds).allSatisfy(cf -> assertThat(tablesOf(cf, capture(1))).isNotEmpty());
    }

    @Test
    void aDrainHasOneTargetSoASecondDrainWaitsWhileTheFirstStillHoldsTables() {
        List<Changefeed> feeds = threeChangefeeds();
        cluster.drainBatch(1);
        assertThat(cluster.drainPoll(capture(1))).isEqualTo(3);
        List<List<Long>> onSlot2 = new ArrayList<>();
        for (Changefeed cf : feeds) onSlot2.add(tablesOf(cf, capture(2)));

        // slot 1 is still the target: a poll for slot 2 answers slot 2's count and moves none of its tables
        assertThat(cluster.drainPoll(capture(2))).isEqualTo(3 + 1);

        for (int i = 0; i < feeds.size(); i++) assertThat(tablesOf(feeds.get(i), capture(2))).containsAll(onSlot2.get(i));
        assertThat(capture(2).schedulable()).as("not marked while the drain is ignored").isTrue();
        assertThat(cluster.tablesOn(capture(1))).as("the first drain goes on").isEqualTo(1);
    }

    @Test
    void onceTheTargetHoldsNoTablesItIsClearedAndTheNextDrainTakesOver() {
        threeChangefeeds();
        cluster.drainBatch(1);
        cluster.drainPoll(capture(1));
        cluster.drainPoll(capture(2));
        cluster.drainPoll(capture(2)); // moves the last table off slot 1
        assertThat(cluster.tablesOn(capture(1))).isZero();

        int before = cluster.drainPoll(capture(2));

        assertThat(cluster.tablesOn(capture(2))).isEqualTo(before - 1);
        assertThat(drainUntilZero(capture(2))).last().isEqualTo(0);
    }

    @Test
    void aTargetThatLeavesTheClusterIsClearedAndTheNextDrainTakesOver() {
        threeChangefeeds();
        cluster.drainBatch(1);
        cluster.drainPoll(capture(1));
        cluster.leave(capture(1));

        int before = cluster.drainPoll(capture(2));

        assertThat(cluster.tablesOn(capture(2))).isEqualTo(before - 1);
    }

    @Test
    void aThirdDrainFinishesAfterTwoCapturesWereDrainedAndStayedAlive() {
        threeChangefeeds();
        assertThat(drainUntilZero(capture(1))).last().isEqualTo(0);
        assertThat(drainUntilZero(capture(2))).last().isEqualTo(0);
        Capture oldOwner = capture(0);
        cluster.resignOwner();

        assertThat(drainUntilZero(oldOwner)).last().isEqualTo(0);
        assertThat(cluster.tablesOn(capture(1)) + cluster.tablesOn(capture(2))).isEqualTo(12);
    }

    @Test
    void aDrainGoesOnAcrossAnOwnerChangeUntilTheTargetHoldsNoTables() {
        threeChangefeeds();
        cluster.drainBatch(1);
        int first = cluster.drainPoll(capture(1));
        cluster.membership().forceNextWinner(capture(2));
        cluster.resignOwner();
        assertThat(cluster.owner()).isSameAs(capture(2));

        // the target was told it is stopping: the new owner's scheduler drains it on
        List<Integer> counts = drainUntilZero(capture(1));
        assertThat(counts.get(0)).isEqualTo(first - 1);
        assertThat(counts).last().isEqualTo(0);
    }

    @Test
    void aGracefulShutdownAlsoSendsTablesToACaptureDrainedEarlier() {
        List<Changefeed> feeds = threeChangefeeds();
        drainUntilZero(capture(1));
        cluster.tick();
        cluster.stopping(capture(2));

        advance(Duration.ofSeconds(1));

        assertThat(cluster.tablesOn(capture(2))).isZero();
        assertThat(feeds).allSatisfy(cf -> assertThat(tablesOf(cf, capture(1))).isNotEmpty());
    }

    @Test
    void eachChangefeedTheOwnerHasNotInitialisedYetCountsOne() {
        threeChangefeeds();
        cluster.realisticAsync(true);
        cluster.addOnNextTick(Fixtures.changefeed("new-1", START, cluster.currentTso(), 0));
        cluster.addOnNextTick(Fixtures.changefeed("new-2", START, cluster.currentTso(), 0));

        assertThat(cluster.drainPoll(capture(1))).isEqualTo(3 + 2);

        advance(FeedStateMachine.TICK); // the owner adopts both: now their tables count instead
        assertThat(cluster.ownerBusy()).isFalse();
        int onTarget = cluster.tablesOn(capture(1));
        assertThat(cluster.drainPoll(capture(1))).isEqualTo(onTarget);
    }
}
