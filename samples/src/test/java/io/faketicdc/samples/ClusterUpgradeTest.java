package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.CaptureInfo;
import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TiUP's upgrade of a three-capture cluster with three changefeeds: non-owners first, the owner last. */
@TiCdcFake(captures = 3)
class ClusterUpgradeTest {
    ClusterUpgrade upgrade = new ClusterUpgrade(Fast.client(), Fast.restart());

    @BeforeEach
    void createThreeChangefeeds(URI baseUri) {
        ChangefeedManager manager = new ChangefeedManager(baseUri, Fast.client());
        for (String id : List.of("orders", "inventory", "payments")) manager.create(id, "blackhole://");
    }

    @Test
    void everyCaptureIsDrainedAndRestartedAndTheOwnerGoesLast(FakeTiCdc fake) {
        String owner = fake.cluster().owner().orElseThrow().address();

        List<RestartReport> reports = upgrade.upgrade(owner, target -> {
            int slot = slotOf(fake, target.address());
            fake.cluster().beginGracefulShutdown(slot);   // what systemctl restart does to the process
            fake.cluster().stop(slot);
            fake.cluster().start(slot);
        });

        assertThat(reports).hasSize(3);
        assertThat(reports).extracting(RestartReport::drain).containsOnly(DrainOutcome.DRAINED);
        assertThat(reports.subList(0, 2)).extracting(RestartReport::resigned).containsOnly(false);
        assertThat(reports.get(2).target().address()).isEqualTo(owner);
        assertThat(reports.get(2).resigned()).isTrue();
        assertThat(reports).extracting(r -> r.restartedId()).doesNotContainAnyElementsOf(
                reports.stream().map(r -> r.target().id()).toList());
        for (String id : List.of("orders", "inventory", "payments")) {
            assertThat(fake).changefeed(id).isInState(ChangefeedState.NORMAL);
        }
    }

    private static int slotOf(FakeTiCdc fake, String address) {
        return fake.cluster().captures().stream().filter(c -> c.address().equals(address))
                .mapToInt(CaptureInfo::slot).findFirst().orElseThrow();
    }
}
