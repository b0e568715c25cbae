package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@TiCdcFake
class RemovingAChangefeedTest {
    ChangefeedManager manager;

    @BeforeEach
    void setUp(URI baseUri) {
        manager = new ChangefeedManager(baseUri, Fast.client());
    }

    @Test
    void removesAChangefeedAndConfirmsTiCdcNoLongerKnowsIt(FakeTiCdc fake) {
        manager.create("orders", "blackhole://");

        manager.remove("orders");

        assertThat(manager.find("orders")).isEmpty();
        assertThat(fake.changefeed("orders").exists()).isFalse();
        assertThat(fake.requests().last().responseBodyText()).contains("CDC:ErrChangeFeedNotExists");
    }

    @Test
    void removingAChangefeedThatIsNotThereSucceeds(FakeTiCdc fake) {
        manager.remove("never-created");

        assertThat(fake).receivedExactly(1, request("DELETE", "/api/v2/changefeeds/:changefeed_id"));
    }
}
