package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@TiCdcFake
class ChangingTheConfigTest {
    ChangefeedManager manager;

    @BeforeEach
    void setUp(URI baseUri) {
        manager = new ChangefeedManager(baseUri, Fast.client());
        manager.create("orders", "blackhole://");
    }

    // snippet:samples-pause-update-resume
    @Test
    void theClientPausedBeforeItUpdatedAndResumedAfterwards(FakeTiCdc fake) throws Exception {
        JsonNode config = new ObjectMapper().readTree("{\"filter\":{\"rules\":[\"shop.*\"]}}");

        ChangefeedStatus status = manager.updateConfig("orders", config);

        assertThat(status.isNormal()).isTrue();
        assertThat(fake).receivedInOrder(
                request("POST", "/api/v2/changefeeds/:changefeed_id/pause"),
                request("PUT", "/api/v2/changefeeds/:changefeed_id"),
                request("POST", "/api/v2/changefeeds/:changefeed_id/resume"));
        assertThat(fake.requests().last().responseBodyText()).contains("\"state\":\"normal\"");
        assertThat(fake.requests().matching(request("PUT", "/api/v2/changefeeds/:changefeed_id")).get(0).responseBodyText())
                .contains("\"rules\":[\"shop.*\"]");
    }
    // end-snippet

    @Test
    void aConfigTiCdcRefusesLeavesTheChangefeedRunningWithItsOldConfig(FakeTiCdc fake) throws Exception {
        JsonNode invalid = new ObjectMapper().readTree("{\"filter\":{\"rules\":[\"shop.*\", \"[\"]}}");

        assertThatThrownBy(() -> manager.updateConfig("orders", invalid))
                .isInstanceOfSatisfying(TiCdcApiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("CDC:ErrChangefeedUpdateRefused"));
        assertThat(fake).changefeed("orders").isInState(ChangefeedState.NORMAL);
        assertThat(fake).receivedInOrder(
                        request("PUT", "/api/v2/changefeeds/:changefeed_id"),
                        request("POST", "/api/v2/changefeeds/:changefeed_id/resume"));
    }

    @Test
    void aFailedChangefeedIsUpdatedAsItIsAndRunsAgain(FakeTiCdc fake) throws Exception {
        fake.changefeed("orders").fail("CDC:ErrSinkURIInvalid", "sink uri invalid");

        ChangefeedStatus status = manager.updateConfig("orders", new ObjectMapper().readTree("{\"force_replicate\":true}"));

        assertThat(status.isNormal()).isTrue();
        assertThat(fake).changefeed("orders").isInState(ChangefeedState.NORMAL).hasNoError();
    }
}
