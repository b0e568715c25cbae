package io.faketicdc.api;

import static io.faketicdc.api.Expected.V73_DEFAULT_CONFIG;
import static io.faketicdc.api.Expected.info;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v2/changefeeds} where v7.3 differs from master (pingcap/tiflow v7.3.0
 * cdc/api/v2/changefeed.go; cdc/api/v2/api_helpers.go; pkg/config/replica_config.go).
 */
class CreateChangefeedV73Test extends RouteTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.profile(Profile.V7_3);
    }

    @Test
    void createAnswersTheV73DefaultConfigAndVersion() {
        Http.Response r = post(CHANGEFEEDS, "{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(r, info("test1", "blackhole:", START_TSO).config(V73_DEFAULT_CONFIG).version("v7.3.0").toString());
    }

    @Test
    void createWithAStartTsAfterTheCurrentTsoIsAccepted() {
        long future = START_TSO + (1000L << 18);
        Http.Response r = post(CHANGEFEEDS, "{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + future + "}");
        assertJsonOk(r, info("test1", "blackhole:", future).config(V73_DEFAULT_CONFIG).version("v7.3.0")
                .checkpointTime("2026-08-20 08:17:09.123").toString());
    }

    @Test
    void createWithAnUnparsableSinkUriKeepsTheLiteralPercentS() {
        Http.Response r = post(CHANGEFEEDS, "{\"changefeed_id\":\"test1\",\"sink_uri\":\"127.0.0.1:3306\"}");
        assertApiError(r, 400, "CDC:ErrSinkURIInvalid", "[CDC:ErrSinkURIInvalid]sink uri invalid '%s': "
                + "parse \"127.0.0.1:3306\": first path segment in URL cannot contain colon");
    }

    @Test
    void createWithAStartTsAtTheGcSafepointIsStillA400() {
        long gc = Expected.GC_SAFEPOINT;
        Http.Response r = post(CHANGEFEEDS, "{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + gc + "}");
        assertApiError(r, 400, "CDC:ErrStartTsBeforeGC", "[CDC:ErrStartTsBeforeGC]fail to create or maintain changefeed "
                + "because start-ts " + gc + " is earlier than or equal to GC safepoint at " + gc);
    }
}
