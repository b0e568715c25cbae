package io.faketicdc.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.CaptureInfo;
import io.faketicdc.FakeConfig;
import io.faketicdc.api.Http;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Cluster faults on three captures (slot 0 is the first owner). */
class ClusterFaultsTest extends FaultTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(3);
    }

    private int owner() {
        return fake.cluster().owner().map(CaptureInfo::slot).orElse(-1);
    }

    @Test
    void aStickyOwnerIsReElectedWhenItResigns() {
        fake.faults().stickyOwner(true);
        assertThat(sendTo(1, "POST", "/api/v2/owner/resign", null).status()).isEqualTo(200);
        fake.cluster().resignOwner();
        assertThat(owner()).isEqualTo(0);
        fake.faults().stickyOwner(false);
        fake.cluster().resignOwner();
        assertThat(owner()).isEqualTo(1);
    }

    @Test
    void aPartitionedCaptureRefusesConnectionsUntilHealed() throws Exception {
        fake.faults().partition(2);
        assertThatThrownBy(() -> callSlot(2, "GET", "/api/v2/status", null, Duration.ofSeconds(5)))
                .isInstanceOf(ConnectException.class);
        fake.faults().heal(2);
        assertThat(callSlot(2, "GET", "/api/v2/status", null, Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void forwardingToAPartitionedOwnerFailsWithGosDialError() {
        FaultHandle partition = fake.faults().partition(0);
        String owner = "127.0.0.1:" + fake.port(0);
        Http.Response r = sendTo(1, "POST", "/api/v2/changefeeds", CREATE_CF1);
        assertError(r, 500, "", "Post \"http://" + owner + "/api/v2/changefeeds\": dial tcp " + owner
                + ": connect: connection refused");
        assertError(sendTo(2, "GET", "/api/v2/changefeeds?namespace=default", null), 500, "",
                "Get \"http://" + owner + "/api/v2/changefeeds?namespace=default\": dial tcp " + owner
                        + ": connect: connection refused");
        assertThat(sendTo(1, "GET", "/api/v2/status", null).status()).as("answered locally").isEqualTo(200);
        assertThat(partition.fired()).isEqualTo(2);
        partition.remove();
        assertThat(sendTo(1, "POST", "/api/v2/changefeeds", CREATE_CF1).status()).isEqualTo(200);
    }

    @Test
    void anUnresponsiveCaptureAcceptsButNeverAnswersAndForwardingToItHangs() {
        fake.faults().unresponsive(0);
        assertThatThrownBy(() -> callSlot(0, "GET", "/api/v2/status", null, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> callSlot(1, "GET", "/api/v2/changefeeds", null, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(sendTo(1, "GET", "/api/v2/status", null).status()).isEqualTo(200);
    }

    @Test
    void aFlappingOwnerMovesEveryNRequests() {
        fake.faults().flappingOwner(2);
        get("/api/v2/status");
        assertThat(owner()).isEqualTo(0);
        get("/api/v2/status");
        assertThat(owner()).isEqualTo(1);
        get("/api/v2/status");
        get("/api/v2/status");
        assertThat(owner()).isEqualTo(2);
    }

    @Test
    void aFlappingOwnerMovesEverySpanOfClockTimeUntilRemoved() {
        FaultHandle flap = fake.faults().flappingOwner(Duration.ofSeconds(10));
        fake.clock().advance(Duration.ofSeconds(9));
        assertThat(owner()).isEqualTo(0);
        fake.clock().advance(Duration.ofSeconds(16));
        assertThat(owner()).as("two flaps in 25 s").isEqualTo(2);
        assertThat(flap.fired()).isEqualTo(2);
        flap.remove();
        fake.clock().advance(Duration.ofMinutes(1));
        assertThat(owner()).isEqualTo(2);
    }

    @Test
    void anUnhealthyClusterFaultFailsHealthUntilCleared() {
        fake.faults().unhealthy(true);
        assertError(sendTo(1, "GET", "/api/v2/health", null), 500, "CDC:ErrClusterIsUnhealthy",
                "[CDC:ErrClusterIsUnhealthy]TiCDC cluster is unhealthy");
        assertThat(fake.faults().clusterFaults()).containsExactly(new ClusterFault.Unhealthy());
        fake.faults().clear();
        assertThat(get("/api/v2/health").status()).isEqualTo(200);
    }

    @Test
    void aRuleForOneSlotAffectsOnlyThatCapturesPort() {
        fake.faults().add(FaultRule.on("create changefeed").slot(1).respond(Effect.noOwner()));
        assertThat(sendTo(1, "POST", "/api/v2/changefeeds", CREATE_CF1).status()).isEqualTo(500);
        assertThat(sendTo(2, "POST", "/api/v2/changefeeds", CREATE_CF1).status()).isEqualTo(200);
    }

    @Test
    void resetReopensPartitionedPorts() throws Exception {
        fake.faults().partition(1);
        fake.reset();
        assertThat(callSlot(1, "GET", "/api/v2/status", null, Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
        assertThat(fake.faults().clusterFaults()).isEmpty();
    }
}
