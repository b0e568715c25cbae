package io.faketicdc.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFakeExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Kafka outage on a running changefeed, played on the fake's clock: minutes pass in no time. */
class ChangefeedFailingAfterALagTest {
    static final String BROKERS_DOWN = "CDC:ErrKafkaNewProducer";

    @RegisterExtension
    TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().build();

    FakeTiCdc fake;
    ChangefeedManager manager;

    @BeforeEach
    void createARunningChangefeed() {
        fake = ticdc.fake();
        manager = new ChangefeedManager(URI.create(ticdc.baseUrl()), Fast.client());
        manager.create("orders", "kafka://kafka:9092/orders?protocol=canal-json");
        fake.changefeed("orders").keepFailing(BROKERS_DOWN, "kafka: client has run out of available brokers");
    }

    @Test
    void whileTiCdcRetriesTheClientSeesPendingWithTheError() {
        fake.clock().advance(Duration.ofMinutes(5));

        ChangefeedStatus status = manager.find("orders").orElseThrow();

        assertThat(status.isRetrying()).isTrue();
        assertThat(status.errorCode()).isEqualTo(BROKERS_DOWN);
    }

    @Test
    void waitingForARetryingChangefeedGivesUpWithItsStateAndError() {
        fake.clock().advance(Duration.ofMinutes(5));
        ChangefeedManager impatient = new ChangefeedManager(fake.baseUri(),
                Fast.client().withPolling(Duration.ofMillis(5), Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.awaitNormal("orders"))
                .isInstanceOfSatisfying(ChangefeedStateException.class, e -> {
                    assertThat(e.state()).isIn("pending", "warning");
                    assertThat(e.errorCode()).isEqualTo(BROKERS_DOWN);
                })
                .hasMessageContaining("within");
    }

    // snippet:samples-failed-after-lag
    @Test
    void onceRetryingHasLastedTooLongTheClientSurfacesFailedAndTheCode() {
        fake.clock().advance(Duration.ofMinutes(40));   // past the 30-minute changefeed_error_stuck_duration

        assertThatThrownBy(() -> manager.awaitNormal("orders"))
                .isInstanceOfSatisfying(ChangefeedStateException.class, e -> {
                    assertThat(e.state()).isEqualTo("failed");
                    assertThat(e.errorCode()).isEqualTo(BROKERS_DOWN);
                    assertThat(e.status().errorMessage()).contains("run out of available brokers");
                });
    }
    // end-snippet
}
