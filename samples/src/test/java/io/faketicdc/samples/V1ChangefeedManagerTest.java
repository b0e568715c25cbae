package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@TiCdcFake
class V1ChangefeedManagerTest {
    private final ObjectMapper json = new ObjectMapper();
    V1ChangefeedManager manager;

    @BeforeEach
    void setUp(URI baseUri) {
        manager = new V1ChangefeedManager(baseUri, Fast.client());
    }

    @Test
    void createsListsPausesUpdatesResumesAndRemovesAChangefeedOverV1(FakeTiCdc fake) {
        manager.create("orders", "kafka://kafka:9092/orders?protocol=canal-json");
        assertThat(manager.list()).extracting(ChangefeedStatus::id, ChangefeedStatus::state)
                .containsExactly(tuple("orders", "normal"));

        manager.pause("orders");
        assertThat(manager.find("orders")).get().extracting(ChangefeedStatus::state).isEqualTo("stopped");

        manager.update("orders", json.createObjectNode().put("sink_uri", "kafka://kafka:9092/orders-v2?protocol=canal-json"));
        manager.resume("orders");
        assertThat(fake).changefeed("orders").isInState(ChangefeedState.NORMAL);

        manager.remove("orders");
        assertThat(manager.find("orders")).isEmpty();
        assertThat(fake.changefeed("orders").exists()).isFalse();
        assertThat(fake).receivedInOrder(
                request("POST", "/api/v1/changefeeds"),
                request("GET", "/api/v1/changefeeds"),
                request("POST", "/api/v1/changefeeds/:changefeed_id/pause"),
                request("PUT", "/api/v1/changefeeds/:changefeed_id"),
                request("POST", "/api/v1/changefeeds/:changefeed_id/resume"),
                request("DELETE", "/api/v1/changefeeds/:changefeed_id"));
    }

    @Test
    void theUpdatedSinkIsWhatV2ReadsBack(FakeTiCdc fake) {
        manager.create("orders", "blackhole://");
        manager.pause("orders");

        manager.update("orders", json.createObjectNode().put("sink_uri", "kafka://kafka:9092/t?protocol=canal-json"));

        assertThat(new ChangefeedManager(fake.baseUri(), Fast.client()).find("orders")).get()
                .extracting(ChangefeedStatus::state).isEqualTo("stopped");
        assertThat(fake.changefeed("orders").snapshot().sinkUri()).isEqualTo("kafka://kafka:9092/t?protocol=canal-json");
    }

    @Test
    void listsOnlyTheChangefeedsInTheAskedState() {
        manager.create("a", "blackhole://");
        manager.create("b", "blackhole://");
        manager.pause("b");

        assertThat(manager.list("stopped")).extracting(ChangefeedStatus::id).containsExactly("b");
        assertThat(manager.list("all")).extracting(ChangefeedStatus::id).containsExactly("a", "b");
    }

    @Test
    void updatingARunningChangefeedIsRefused() {
        manager.create("orders", "blackhole://");

        assertThatThrownBy(() -> manager.update("orders", json.createObjectNode().put("target_ts", Long.MAX_VALUE)))
                .isInstanceOf(TiCdcApiException.class)
                .extracting(e -> ((TiCdcApiException) e).errorCode())
                .isEqualTo("CDC:ErrChangefeedUpdateRefused");
    }

    @Test
    void creatingAChangefeedThatExistsFailsWithTheServersCode() {
        manager.create("orders", "blackhole://");

        assertThatThrownBy(() -> manager.create("orders", "blackhole://"))
                .isInstanceOf(TiCdcApiException.class)
                .hasMessageContaining("500")
                .extracting(e -> ((TiCdcApiException) e).errorCode())
                .isEqualTo("CDC:ErrChangeFeedAlreadyExists");
    }

    @Test
    void removingAChangefeedThatIsNotThereFailsAsV1Answers400() {
        assertThatThrownBy(() -> manager.remove("never-created"))
                .isInstanceOf(TiCdcApiException.class)
                .extracting(e -> ((TiCdcApiException) e).status())
                .isEqualTo(400);
    }
}
