package io.faketicdc.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Long delays are swept, short ones run on time; a cancelled task never runs and nothing stays behind. */
class CoarseSchedulerTest {
    /** Delays from 50 ms are swept, every 20 ms (the real one: from a minute, every 5 s). */
    private final CoarseScheduler scheduler = new CoarseScheduler("test-scheduler", TimeUnit.MILLISECONDS.toNanos(50), 20);

    @BeforeEach
    void start() throws Exception {
        scheduler.start();
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.stop();
    }

    @Test
    void aShortDelayGoesToThePreciseSchedulerAndRuns() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        scheduler.schedule(ran::countDown, 1, TimeUnit.MILLISECONDS);
        assertThat(scheduler.pending()).isZero();
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aLongDelayWaitsForASweepAfterItIsDueAndThenLeavesNothingBehind() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        long scheduledAt = System.nanoTime();
        long[] ranAt = new long[1];
        scheduler.schedule(() -> {
            ranAt[0] = System.nanoTime();
            ran.countDown();
        }, 100, TimeUnit.MILLISECONDS);
        assertThat(scheduler.pending()).isEqualTo(1);

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ranAt[0] - scheduledAt).as("not before it is due").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aCancelledTaskNeverRunsAndIsDroppedAtOnce() throws Exception {
        AtomicBoolean cancelledRan = new AtomicBoolean();
        Scheduler.Task task = scheduler.schedule(() -> cancelledRan.set(true), 60, TimeUnit.MILLISECONDS);
        assertThat(task.cancel()).isTrue();
        assertThat(task.cancel()).as("a second cancel").isFalse();
        assertThat(scheduler.pending()).isZero();

        // a task due later runs in a sweep after the cancelled one's time: had it stayed, it would have run
        CountDownLatch later = new CountDownLatch(1);
        scheduler.schedule(later::countDown, 150, TimeUnit.MILLISECONDS);
        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelledRan).isFalse();
    }

    @Test
    void aTaskThatFailsDoesNotStopTheSweeps() throws Exception {
        scheduler.schedule(() -> {
            throw new IllegalStateException("failing task");
        }, 50, TimeUnit.MILLISECONDS);
        CountDownLatch next = new CountDownLatch(1);
        scheduler.schedule(next::countDown, 120, TimeUnit.MILLISECONDS);
        assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
