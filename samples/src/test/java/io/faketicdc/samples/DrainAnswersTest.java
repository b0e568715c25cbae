package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.junit.TiCdcFakeExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the restart reads each answer to a drain request; one cluster for the class, reset before each test. */
class DrainAnswersTest {
    @RegisterExtension
    static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().captures(3).build();

    static final String DRAIN = "PUT /api/v1/captures/drain";
    FakeTiCdc fake;
    String address;

    @BeforeEach
    void setUp() {
        fake = ticdc.fake();
        new ChangefeedManager(fake.baseUri(), Fast.client()).create("orders", "blackhole://");
        address = fake.cluster().capture(1).orElseThrow().address();
    }

    private RestartReport restart() {
        return new RollingRestart(Fast.client(), Fast.restart()).restart(address, target -> {
            fake.cluster().stop(1);
            fake.cluster().start(1);
        });
    }

    @Test
    void aVersionIncompatibleClusterIsRestartedWithoutDraining() {
        fake.faults().add(FaultRule.on(DRAIN).respond(
                Effect.error(503, "CDC:ErrVersionIncompatible", "version is incompatible: TiKV v6.1.0")));

        assertThat(restart().drain()).isEqualTo(DrainOutcome.SKIPPED_VERSION_INCOMPATIBLE);
        assertThat(fake).receivedExactly(1, request("PUT", "/api/v1/captures/drain"));
    }

    @Test
    void anyOther503IsAskedAgain() {
        fake.faults().add(FaultRule.on(DRAIN).respond(Effect.notReady()).firstN(2));

        RestartReport report = restart();

        assertThat(report.drain()).isEqualTo(DrainOutcome.DRAINED);
        assertThat(report.drainRequests()).isGreaterThan(2);
    }

    @Test
    void aCaptureTheOwnerDoesNotKnowHasNothingToDrain() {
        fake.faults().add(FaultRule.on(DRAIN).respond(
                Effect.error("CDC:ErrCaptureNotExist", "capture not exists, 3f7a")));

        assertThat(restart().drain()).isEqualTo(DrainOutcome.NOTHING_TO_DRAIN);
    }
}
