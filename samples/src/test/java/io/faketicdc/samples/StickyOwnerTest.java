package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The election re-elects the capture that resigned: TiUP gives up rather than drain or stop the owner. */
@TiCdcFake(captures = 3)
class StickyOwnerTest {

    @Test
    void theRestartGivesUpWithAClearErrorWhenNoOtherCaptureBecomesOwner(FakeTiCdc fake) {
        fake.faults().stickyOwner(true);
        RestartSettings settings = RestartSettings.every(Duration.ofMillis(10), Duration.ofMillis(300));   // TiUP: 2 s, 10 s
        String owner = fake.cluster().owner().orElseThrow().address();
        AtomicBoolean restarted = new AtomicBoolean();

        long start = System.nanoTime();
        assertThatThrownBy(() -> new RollingRestart(Fast.client(), settings).restart(owner, target -> restarted.set(true)))
                .isInstanceOf(RollingRestartException.class)
                .hasMessageContaining(owner + " is still owner")
                .hasMessageContaining("not draining or restarting it");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(settings.ownerTimeout());
        assertThat(restarted).isFalse();
        assertThat(fake).received(request("POST", "/api/v1/owner/resign"))
                .receivedNo(request("PUT", "/api/v1/captures/drain"))
                .hasOwner(0);
        assertThat(fake.requests().count("GET", "/api/v1/captures")).isGreaterThanOrEqualTo(2);   // it checked after the resign
    }
}
