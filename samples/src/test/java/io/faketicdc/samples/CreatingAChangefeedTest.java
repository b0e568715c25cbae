package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// snippet:samples-manager-usage
@TiCdcFake
class CreatingAChangefeedTest {
    ChangefeedManager manager;

    @BeforeEach
    void setUp(URI baseUri) {
        manager = new ChangefeedManager(baseUri, Fast.client());
    }

    @Test
    void createsAChangefeedAndReturnsOnceItIsNormal(FakeTiCdc fake) {
        ChangefeedStatus status = manager.create("orders", "kafka://kafka:9092/orders?protocol=canal-json");

        assertThat(status.state()).isEqualTo("normal");
        assertThat(fake).changefeed("orders").isInState(ChangefeedState.NORMAL);
        assertThat(fake).receivedInOrder(
                request("POST", "/api/v2/changefeeds"),
                request("GET", "/api/v2/changefeeds/:changefeed_id"));
    }

    @Test
    void creatingAChangefeedThatExistsIsNotAnError(FakeTiCdc fake) {
        manager.create("orders", "blackhole://");

        ChangefeedStatus again = manager.create("orders", "blackhole://");

        assertThat(again.isNormal()).isTrue();
        assertThat(fake.requests().matching(request("POST", "/api/v2/changefeeds")))
                .extracting(r -> r.status())
                .containsExactly(200, 500);   // the real server's answer to a duplicate: 500 ErrChangeFeedAlreadyExists
    }

    @Test
    void aSinkUriTiCdcRejectsFailsAtOnceWithoutRetrying(FakeTiCdc fake) {
        assertThatThrownBy(() -> manager.create("orders", "nope://somewhere"))
                .isInstanceOfSatisfying(TiCdcApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("CDC:ErrSinkURIInvalid");
                });
        assertThat(fake).receivedExactly(1, request("POST", "/api/v2/changefeeds"));
    }
}
// end-snippet
