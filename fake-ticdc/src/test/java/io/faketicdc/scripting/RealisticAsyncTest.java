package io.faketicdc.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.api.ApiTestBase;
import io.faketicdc.api.Http;
import org.junit.jupiter.api.Test;

/** Realistic-async mode: API changes become visible an owner tick later, so clients must poll. */
class RealisticAsyncTest extends ApiTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.realisticAsync(true);
    }

    /** What a correct client does: poll until the state shows, counting the polls. */
    private int pollUntil(String path, String expected) {
        for (int polls = 1; polls <= 10; polls++) {
            Http.Response r = get(path);
            if (r.status() == 200 && r.body().contains(expected)) return polls;
        }
        throw new AssertionError(path + " never showed " + expected);
    }

    @Test
    void aCreatedChangefeedIsNotVisibleAtOnce() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        Http.Response first = get("/api/v2/changefeeds/cf");
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.body()).contains("CDC:ErrChangeFeedNotExists");
        assertThat(pollUntil("/api/v2/changefeeds/cf", "\"state\":\"normal\"")).isEqualTo(1);
    }

    @Test
    void aSecondCreateInTheWindowLosesTheMetadataRace() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        assertError(post("/api/v2/changefeeds", "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}"), 500,
                "DFLOW:ErrMetaOpFailed", "[DFLOW:ErrMetaOpFailed]unexpected meta operation failure: Create changefeed default/cf");
    }

    @Test
    void theClusterIsUnhealthyUntilTheOwnerCatchesUp() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        assertThat(get("/api/v2/health").status()).isEqualTo(500);
        assertThat(get("/api/v2/health").status()).isEqualTo(200);
    }

    @Test
    void pauseIsAcceptedAtOnceButShowsATickLater() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        pollUntil("/api/v2/changefeeds/cf", "\"state\":\"normal\"");
        assertThat(post("/api/v2/changefeeds/cf/pause", null).status()).isEqualTo(200);
        assertThat(get("/api/v2/changefeeds/cf").body()).contains("\"state\":\"normal\"");
        assertThat(pollUntil("/api/v2/changefeeds/cf", "\"state\":\"stopped\"")).isEqualTo(1);
    }
}
