package io.faketicdc.junit.readme;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// snippet:junit-annotation
@TiCdcFake(captures = 3, seed = 7, startInstant = "2024-01-02T03:04:05Z")
class ChangefeedClientTest {
    ChangefeedClient client;

    @BeforeEach
    void setUp(URI baseUri) {          // the same fake as the test's
        client = new ChangefeedClient(baseUri);
    }

    @Test
    void changesTheSinkOfAPausedChangefeed(FakeTiCdc fake) {
        client.create("cf", "blackhole://");
        client.changeSink("cf", "kafka://broker:9092/topic?protocol=canal-json");

        assertThat(fake).changefeed("cf").isInState(ChangefeedState.NORMAL);
        assertThat(fake).receivedInOrder(
                request("POST", "/api/v2/changefeeds/:changefeed_id/pause"),
                request("PUT", "/api/v2/changefeeds/:changefeed_id"),
                request("POST", "/api/v2/changefeeds/:changefeed_id/resume"));
    }
}
// end-snippet
