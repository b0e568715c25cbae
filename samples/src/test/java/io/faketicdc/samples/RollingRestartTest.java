package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A graceful rolling restart of one capture in a three-capture cluster, as TiUP performs it. */
@TiCdcFake(captures = 3)
class RollingRestartTest {
    RollingRestart rollingRestart = new RollingRestart(Fast.client(), Fast.restart());

    @BeforeEach
    void createChangefeedsWithTablesOnEveryCapture(URI baseUri) {
        ChangefeedManager manager = new ChangefeedManager(baseUri, Fast.client());
        manager.create("orders", "blackhole://");
        manager.create("inventory", "blackhole://");
    }

    // snippet:samples-rolling-restart
    @Test
    void theOwnerHandsOverOwnershipIsDrainedAndComesBackAlive(FakeTiCdc fake) {
        String owner = fake.cluster().owner().orElseThrow().address();   // slot 0

        RestartReport report = rollingRestart.restart(owner, target -> {
            fake.cluster().beginGracefulShutdown(0);   // what TiUP's systemctl restart does to the process
            fake.cluster().stop(0);
            fake.cluster().start(0);
        });

        assertThat(report.resigned()).isTrue();
        assertThat(report.ownerDuringDrain()).isNotEqualTo(owner);
        assertThat(report.drain()).isEqualTo(DrainOutcome.DRAINED);
        assertThat(report.restartedId()).isNotEqualTo(report.target().id());
        assertThat(fake).receivedInOrder(
                request("GET", "/api/v1/captures"),
                request("POST", "/api/v1/owner/resign"),
                request("GET", "/api/v1/captures"),
                request("PUT", "/api/v1/captures/drain"),
                request("GET", "/api/v1/status"),
                request("GET", "/api/v1/health"));
        assertThat(fake).changefeed("orders").isInState(ChangefeedState.NORMAL);
    }
    // end-snippet

    @Test
    void aCaptureThatIsNotTheOwnerIsDrainedWithoutAResign(FakeTiCdc fake) {
        String address = fake.cluster().capture(1).orElseThrow().address();

        RestartReport report = rollingRestart.restart(address, target -> {
            fake.cluster().stop(1);
            fake.cluster().start(1);
        });

        assertThat(report.resigned()).isFalse();
        assertThat(report.drainRequests()).isGreaterThan(1);   // the fake moves two tables per drain request
        assertThat(fake).receivedNo(request("POST", "/api/v1/owner/resign")).hasOwner(0);
    }
}
