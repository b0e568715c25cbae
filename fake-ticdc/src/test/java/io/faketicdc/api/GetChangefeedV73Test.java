package io.faketicdc.api;

import static io.faketicdc.api.Expected.V73_BLACKHOLE_READ_CONFIG;
import static io.faketicdc.api.Expected.info;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v2/changefeeds/{id}} on v7.3: blackhole changefeeds are trimmed too
 * (pingcap/tiflow v7.3.0 cdc/model/changefeed.go; pkg/orchestrator/reactor_state.go).
 */
class GetChangefeedV73Test extends RouteTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.profile(Profile.V7_3);
    }

    @Test
    void getOfABlackholeChangefeedIsTrimmedOnV73() {
        long ts = createBlackhole("test1");
        assertJsonOk(get(CHANGEFEEDS + "/test1"), info("test1", "blackhole:", ts).config(V73_BLACKHOLE_READ_CONFIG)
                .version("v7.3.0").taskStatus().toString());
    }

    @Test
    void getOfAnUnknownChangefeedIsA400NotExists() {
        assertNotExists(get(CHANGEFEEDS + "/nope"), "default/nope");
    }
}
