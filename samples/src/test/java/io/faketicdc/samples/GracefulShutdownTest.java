package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A capture told to shut down reports liveness 1 until its process exits; the restart waits for a live process. */
@TiCdcFake(captures = 3)
class GracefulShutdownTest {
    RollingRestart rollingRestart = new RollingRestart(Fast.client(), Fast.restart());

    @Test
    void theRestartWaitsWhileTheCaptureIsStillShuttingDown(FakeTiCdc fake) throws Exception {
        String address = fake.cluster().capture(1).orElseThrow().address();
        CompletableFuture<RestartReport> restart = CompletableFuture.supplyAsync(() ->
                rollingRestart.restart(address, target -> fake.cluster().beginGracefulShutdown(1)));

        // the client polls the capture's status and sees it stopping
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.requests().matching(request("GET", "/api/v1/status"))
                .stream().anyMatch(r -> r.responseBodyText().contains("\"liveness\": 1")));
        assertThat(restart).isNotDone();

        fake.cluster().stop(1);    // the old process exits ...
        fake.cluster().start(1);   // ... and the new one starts

        RestartReport report = restart.get(5, TimeUnit.SECONDS);
        assertThat(report.restartedId()).isEqualTo(fake.cluster().capture(1).orElseThrow().id());
        assertThat(fake).receivedInOrder(request("GET", "/api/v1/status"), request("GET", "/api/v1/health"));
    }

    @Test
    void aCaptureThatNeverFinishesShuttingDownFailsTheRestart(FakeTiCdc fake) {
        String address = fake.cluster().capture(1).orElseThrow().address();

        RollingRestart impatient = new RollingRestart(Fast.client(), RestartSettings.every(Duration.ofMillis(10), Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.restart(address, target -> fake.cluster().beginGracefulShutdown(1)))
                .isInstanceOf(RollingRestartException.class)
                .hasMessageContaining("did not come back alive")
                .hasMessageContaining("liveness 1 (stopping)");
        assertThat(fake).receivedNo(request("GET", "/api/v1/health"));
    }

    @Test
    void theRestartWaitsThroughRefusedConnectionsWhileTheProcessIsDown(FakeTiCdc fake) throws Exception {
        String address = fake.cluster().capture(2).orElseThrow().address();

        RestartReport report = rollingRestart.restart(address, target -> {
            fake.cluster().beginGracefulShutdown(2);
            fake.cluster().stop(2);
            CompletableFuture.runAsync(() -> fake.cluster().start(2),
                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));   // comes back later
        });

        assertThat(report.restartedId()).isNotEqualTo(report.target().id());
    }
}
