package io.faketicdc.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fake's clock: read by every request without a lock; moved only by advance and set. */
class VirtualClockTest {
    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void aManualClockReadsItsStartUntilItIsMoved() {
        VirtualClock clock = new VirtualClock(START, false);
        assertThat(clock.now()).isEqualTo(START);
        clock.advance(Duration.ofSeconds(90));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(90));
        clock.set(START.plusSeconds(3600));
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3600));
    }

    @Test
    void aTickingClockFollowsTheWallClockFromWhereItWasMoved() {
        VirtualClock clock = new VirtualClock(START, true);
        Instant first = clock.now();
        assertThat(first).isAfterOrEqualTo(START);
        assertThat(clock.now()).isAfterOrEqualTo(first);
        clock.advance(Duration.ofDays(1));
        assertThat(clock.now()).isAfterOrEqualTo(first.plus(Duration.ofDays(1)));
        clock.set(START);
        assertThat(clock.now()).isBetween(START, START.plus(Duration.ofDays(1)));
    }

    @Test
    void aMoveThatWouldLeaveTheTsoRangeChangesNothing() {
        VirtualClock clock = new VirtualClock(START, false);
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(365L * 10_000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.set(Instant.EPOCH.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void readingTheClockTakesNoLockSoAMoveInProgressHoldsUpNoRequest() throws Exception {
        VirtualClock clock = new VirtualClock(START, true);
        CompletableFuture<Instant> read = new CompletableFuture<>();
        // a move holds the clock's monitor; a request reading the time meanwhile is not queued behind it
        synchronized (clock) {
            new Thread(() -> read.complete(clock.now()), "request").start();
            assertThat(read.get(10, TimeUnit.SECONDS)).isAfterOrEqualTo(START);
        }
    }
}
