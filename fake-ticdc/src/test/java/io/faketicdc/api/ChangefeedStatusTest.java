package io.faketicdc.api;

import org.junit.jupiter.api.Test;

/** {@code GET /api/v2/changefeeds/{id}/status} (pingcap/tiflow cdc/api/v2/changefeed.go; cdc/api/v2/model.go). */
class ChangefeedStatusTest extends RouteTestBase {

    @Test
    void statusOfANormalChangefeedHasStateResolvedAndCheckpoint() {
        long ts = createBlackhole("test1");
        assertJsonOk(get(CHANGEFEEDS + "/test1/status"),
                "{\"state\":\"normal\",\"resolved_ts\":" + ts + ",\"checkpoint_ts\":" + ts + "}");
    }

    @Test
    void statusOfAStoppedChangefeedHasResolvedTsZero() {
        long ts = createBlackhole("test1");
        pause("test1");
        assertJsonOk(get(CHANGEFEEDS + "/test1/status"),
                "{\"state\":\"stopped\",\"resolved_ts\":0,\"checkpoint_ts\":" + ts + "}");
    }

    @Test
    void statusHonoursTheNamespaceQuery() {
        long ts = createWith("{\"namespace\":\"ns1\",\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(get(CHANGEFEEDS + "/test1/status?namespace=ns1"),
                "{\"state\":\"normal\",\"resolved_ts\":" + ts + ",\"checkpoint_ts\":" + ts + "}");
    }

    @Test
    void statusOfAnUnknownChangefeedIsA400NotExists() {
        assertNotExists(get(CHANGEFEEDS + "/nope/status"), "default/nope");
    }

    @Test
    void statusWithAnInvalidIdIsA400() {
        assertInvalidId(get(CHANGEFEEDS + "/a--b/status"), "a--b");
    }
}
