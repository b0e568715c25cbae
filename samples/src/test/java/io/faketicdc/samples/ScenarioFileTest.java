package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cluster described in a file (src/test/resources/scenarios/orders-and-a-broken-inventory.json). */
@TiCdcFake(scenario = "scenarios/orders-and-a-broken-inventory.json")
class ScenarioFileTest {
    ChangefeedManager manager;

    @BeforeEach
    void connect(URI baseUri) {
        manager = new ChangefeedManager(baseUri, Fast.client());
    }

    @Test
    void aServiceStartingOnThisClusterDoesNotCreateOrdersTwice(FakeTiCdc fake) {
        ChangefeedStatus orders = manager.create("orders", "kafka://kafka:9092/orders?protocol=canal-json");

        assertThat(orders.isNormal()).isTrue();
        assertThat(fake.requests().matching(request("POST", "/api/v2/changefeeds")))
                .singleElement().satisfies(r -> assertThat(r.responseBodyText()).contains("CDC:ErrChangeFeedAlreadyExists"));
    }

    @Test
    void theInventoryChangefeedIsReportedFailedWithItsCode() {
        assertThatThrownBy(() -> manager.awaitNormal("inventory"))
                .isInstanceOfSatisfying(ChangefeedStateException.class, e -> {
                    assertThat(e.state()).isEqualTo("failed");
                    assertThat(e.errorCode()).isEqualTo("CDC:ErrSnapshotLostByGC");
                });
    }

    @Test
    void ordersFailsOnTheThirdReadAndTheClientSeesIt(FakeTiCdc fake) {
        assertThat(manager.find("orders").orElseThrow().isNormal()).isTrue();
        assertThat(manager.find("orders").orElseThrow().isNormal()).isTrue();

        ChangefeedStatus third = manager.find("orders").orElseThrow();

        assertThat(third.isFailed()).isTrue();
        assertThat(third.errorCode()).isEqualTo("CDC:ErrGCTTLExceeded");
        assertThat(fake).receivedExactly(3, request("GET", "/api/v2/changefeeds/:changefeed_id"));
    }
}
