package io.faketicdc.internal.cluster;

import static io.faketicdc.internal.cluster.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.internal.clock.Tso;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Changes waiting for a virtual-clock instant or for the Nth matching request, first on a bare
 * {@link Timeline}, then as a {@link Cluster} applies them on its manual clock (with PD's TSO, as
 * {@code tikv/pd} composes it, following that clock).
 */
class TimelineTest {
    private static final RequestFacts LIST = new RequestFacts("GET", "/api/v2/changefeeds", "list changefeeds", 0);
    private static final RequestFacts STATUS = new RequestFacts("GET", "/api/v2/status", "status", 1);

    private final Timeline timeline = new Timeline();
    private final List<String> ran = new ArrayList<>();

    private Runnable log(String name) {
        return () -> ran.add(name);
    }

    /** Runs every change due by {@code now}, as a tick does; returns the instants they were due at. */
    private List<Instant> runDue(Instant now) {
        List<Instant> instants = new ArrayList<>();
        Instant[] when = new Instant[1];
        for (Runnable r; (r = timeline.nextDue(now, when)) != null; ) {
            instants.add(when[0]);
            r.run();
        }
        return instants;
    }

    // ---- clock-timed changes --------------------------------------------------------------

    @Test
    void aTimedChangeIsNotDueBeforeItsInstant() {
        timeline.at(START.plusSeconds(10), log("a"));

        assertThat(timeline.dueBy(START.plusMillis(9_999))).isFalse();
        assertThat(runDue(START.plusMillis(9_999))).isEmpty();
        assertThat(ran).isEmpty();
        assertThat(timeline.size()).isEqualTo(1);
    }

    @Test
    void aTimedChangeIsDueAtItsInstantAndRunsOnce() {
        timeline.at(START.plusSeconds(10), log("a"));

        assertThat(timeline.dueBy(START.plusSeconds(10))).isTrue();
        assertThat(runDue(START.plusSeconds(10))).containsExactly(START.plusSeconds(10));
        assertThat(runDue(START.plusSeconds(20))).isEmpty();
        assertThat(ran).containsExactly("a");
        assertThat(timeline.size()).isZero();
    }

    @Test
    void dueChangesComeOutInTimeOrderAndThenInTheOrderTheyWereScheduled() {
        timeline.at(START.plusSeconds(30), log("late"));
        timeline.at(START.plusSeconds(10), log("early-1"));
        timeline.at(START.plusSeconds(20), log("middle"));
        timeline.at(START.plusSeconds(10), log("early-2"));

        List<Instant> instants = runDue(START.plusSeconds(60));

        assertThat(ran).containsExactly("early-1", "early-2", "middle", "late");
        assertThat(instants).containsExactly(START.plusSeconds(10), START.plusSeconds(10), START.plusSeconds(20),
                START.plusSeconds(30));
    }

    @Test
    void onlyTheChangesDueByNowComeOut() {
        timeline.at(START.plusSeconds(10), log("due"));
        timeline.at(START.plusSeconds(11), log("not yet"));

        runDue(START.plusSeconds(10));

        assertThat(ran).containsExactly("due");
        assertThat(timeline.size()).isEqualTo(1);
    }

    @Test
    void aChangeScheduledForThePastIsDueAtOnce() {
        timeline.at(START.minusSeconds(5), log("overdue"));

        assertThat(runDue(START)).containsExactly(START.minusSeconds(5));
        assertThat(ran).containsExactly("overdue");
    }

    // ---- request-counted changes ----------------------------------------------------------

    @Test
    void aRequestCountedChangeFiresOnTheNthMatchingRequest() {
        timeline.onRequest(3, r -> r.operation().equals("list changefeeds"), log("third"));

        assertThat(timeline.request(LIST)).isEmpty();
        assertThat(timeline.request(LIST)).isEmpty();
        List<Runnable> fired = timeline.request(LIST);

        assertThat(fired).hasSize(1);
        fired.get(0).run();
        assertThat(ran).containsExactly("third");
        assertThat(timeline.request(LIST)).as("fires once").isEmpty();
    }

    @Test
    void requestsThatDoNotMatchAreNotCounted() {
        timeline.onRequest(2, r -> r.operation().equals("list changefeeds"), log("second list"));

        timeline.request(STATUS);
        timeline.request(STATUS);
        assertThat(timeline.request(LIST)).isEmpty();

        assertThat(timeline.request(LIST)).hasSize(1);
    }

    @Test
    void changesCompletedByTheSameRequestComeOutInTheOrderTheyWereScheduled() {
        timeline.onRequest(2, r -> true, log("first"));
        timeline.onRequest(1, r -> r == LIST, log("second"));
        assertThat(timeline.request(STATUS)).isEmpty();

        timeline.request(LIST).forEach(Runnable::run);

        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void requestCountedChangesNeverMakeTheTimelineDue() {
        timeline.onRequest(1, r -> true, log("on request"));

        assertThat(timeline.dueBy(START.plus(Duration.ofDays(365)))).isFalse();
        assertThat(runDue(START.plus(Duration.ofDays(365)))).isEmpty();
    }

    // ---- whichever comes first ------------------------------------------------------------

    @Test
    void anInstantOrRequestChangeRunsAtTheInstantWhenNoRequestsCome() {
        timeline.atOrOnRequest(START.plusMillis(50), 2, log("job"));

        runDue(START.plusMillis(50));
        timeline.request(LIST).forEach(Runnable::run);
        timeline.request(LIST).forEach(Runnable::run);

        assertThat(ran).containsExactly("job");
    }

    @Test
    void anInstantOrRequestChangeRunsOnTheNthRequestWhenTheClockStandsStill() {
        timeline.atOrOnRequest(START.plusMillis(50), 2, log("job"));

        timeline.request(STATUS).forEach(Runnable::run);
        assertThat(ran).isEmpty();
        timeline.request(STATUS).forEach(Runnable::run);
        assertThat(ran).containsExactly("job");

        runDue(START.plusMillis(50));
        assertThat(ran).as("not again at the instant").containsExactly("job");
    }

    @Test
    void clearDropsEveryWaitingChange() {
        timeline.at(START.plusSeconds(1), log("timed"));
        timeline.onRequest(1, r -> true, log("counted"));

        timeline.clear();

        assertThat(timeline.size()).isZero();
        assertThat(runDue(START.plusSeconds(5))).isEmpty();
        assertThat(timeline.request(LIST)).isEmpty();
    }

    /** The timeline as the cluster drives it from its manual virtual clock and from requests. */
    @Nested
    class OnTheClustersVirtualClock {
        private final Cluster cluster = Fixtures.cluster(2);

        private void advance(Duration d) {
            cluster.clock().advance(d);
            cluster.tick();
        }

        @Test
        void theClockOnlyMovesWhenTold() {
            cluster.tick();
            cluster.tick();

            assertThat(cluster.clock().now()).isEqualTo(START);
            assertThat(cluster.clock().ticking()).isFalse();
        }

        @Test
        void aChangeForAnInstantAppliesOnTheFirstTickAtOrAfterIt() {
            cluster.scheduleAt(START.plusSeconds(30), log("change"));
            advance(Duration.ofSeconds(29));
            assertThat(ran).isEmpty();

            advance(Duration.ofSeconds(2));

            assertThat(ran).containsExactly("change");
        }

        @Test
        void aChangeWithNeitherInstantNorRequestCountAppliesAtOnce() {
            cluster.schedule(null, null, r -> true, log("now"));

            assertThat(ran).containsExactly("now");
        }

        @Test
        void aChangeDueEarlierAppliesAtItsOwnInstantWithTheChangefeedsBroughtToThatInstantFirst() {
            Changefeed cf = Fixtures.create(cluster, "cf");
            cluster.scheduleAt(START.plus(Duration.ofMinutes(5)), () -> cluster.control(cf).pause());

            advance(Duration.ofMinutes(10));

            assertThat(cf.state()).isEqualTo(FeedState.STOPPED);
            assertThat(cf.checkpointTs()).as("the checkpoint stopped where the pause happened")
                    .isEqualTo(Tso.of(START.plus(Duration.ofMinutes(5))));
        }

        @Test
        void aChangeCanScheduleAnotherThatIsStillAppliedInTheSameTick() {
            cluster.scheduleAt(START.plusSeconds(10), () -> {
                ran.add("first");
                cluster.scheduleAt(START.plusSeconds(20), log("second"));
            });

            advance(Duration.ofMinutes(1));

            assertThat(ran).containsExactly("first", "second");
        }

        @Test
        void aRequestCountedChangeAppliesBeforeTheNthMatchingRequestIsHandled() {
            cluster.schedule(null, 2, r -> r.slot() == 1, log("change"));

            cluster.onRequest(LIST);
            cluster.onRequest(STATUS);
            assertThat(ran).isEmpty();
            cluster.onRequest(STATUS);

            assertThat(ran).containsExactly("change");
        }

        @Test
        void anInstantAndARequestCountMeanWhicheverComesFirst() {
            cluster.schedule(START.plusSeconds(5), 3, null, log("change"));
            cluster.onRequest(LIST);
            cluster.onRequest(LIST);
            cluster.onRequest(LIST);
            assertThat(ran).containsExactly("change");
            advance(Duration.ofSeconds(5));

            assertThat(ran).containsExactly("change");
        }

        @Test
        void theTsoTakesItsPhysicalPartFromTheClockAndCountsLogicallyWithinAMillisecond() {
            long first = cluster.currentTso();
            long second = cluster.currentTso();

            assertThat(Tso.physical(first)).isEqualTo(START.toEpochMilli());
            assertThat(Tso.logical(first)).isZero();
            assertThat(second).isEqualTo(first + 1);

            advance(Duration.ofMillis(1));
            long third = cluster.currentTso();
            assertThat(Tso.physical(third)).isEqualTo(START.toEpochMilli() + 1);
            assertThat(Tso.logical(third)).isZero();
        }

        @Test
        void theTsoNeverGoesBackwardsWhenTheClockIsSetBack() {
            long before = cluster.currentTso();

            cluster.clock().set(START.minus(Duration.ofMinutes(1)));
            long after = cluster.currentTso();

            assertThat(after).isGreaterThan(before);
            assertThat(Tso.physical(after)).isEqualTo(START.toEpochMilli());
        }

        @Test
        void aCheckpointFollowsTheClockAcrossTicks() {
            Changefeed cf = Fixtures.create(cluster, "cf");
            long start = cf.checkpointTs();

            advance(Duration.ofSeconds(90));

            assertThat(Tso.physical(cf.checkpointTs()) - Tso.physical(start)).isEqualTo(90_000);
        }
    }
}
