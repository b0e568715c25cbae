package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real owner applies create, pause and resume on a later tick: the client must poll, not assume. */
@TiCdcFake(realisticAsync = true)
class SlowOwnerTest {
    ChangefeedManager manager;

    @BeforeEach
    void setUp(URI baseUri) {
        manager = new ChangefeedManager(baseUri, Fast.client());
    }

    @Test
    void theClientPollsUntilTheOwnerHasAdoptedTheNewChangefeed(FakeTiCdc fake) {
        ChangefeedStatus status = manager.create("orders", "blackhole://");

        assertThat(status.isNormal()).isTrue();
        assertThat(fake.requests().matching(request("GET", "/api/v2/changefeeds/:changefeed_id")))
                .extracting(RecordedRequest::status)
                .startsWith(400)    // CDC:ErrChangeFeedNotExists: not visible yet
                .endsWith(200);
    }

    @Test
    void theClientWaitsForStoppedBeforeItUpdates(FakeTiCdc fake) throws Exception {
        manager.create("orders", "blackhole://");

        manager.updateConfig("orders", new ObjectMapper().readTree("{\"force_replicate\":true}"));

        assertThat(fake).receivedInOrder(
                request("POST", "/api/v2/changefeeds/:changefeed_id/pause"),
                request("GET", "/api/v2/changefeeds/:changefeed_id"),
                request("PUT", "/api/v2/changefeeds/:changefeed_id"));
        assertThat(fake.requests().matching(request("PUT", "/api/v2/changefeeds/:changefeed_id")))
                .extracting(RecordedRequest::status).containsExactly(200);   // never refused for not being stopped
        assertThat(firstReadAfter("/api/v2/changefeeds/:changefeed_id/pause", fake).responseBodyText())
                .contains("\"state\":\"normal\"");   // the pause had not been applied yet: waiting was needed
    }

    private static RecordedRequest firstReadAfter(String postPattern, FakeTiCdc fake) {
        long after = fake.requests().matching(request("POST", postPattern)).get(0).sequence();
        return fake.requests().matching(request("GET", "/api/v2/changefeeds/:changefeed_id")).stream()
                .filter(r -> r.sequence() > after).findFirst().orElseThrow();
    }
}
