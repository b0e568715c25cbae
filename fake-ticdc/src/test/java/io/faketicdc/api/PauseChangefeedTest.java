package io.faketicdc.api;

import static io.faketicdc.api.Expected.info;

import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v2/changefeeds/{id}/pause} (pingcap/tiflow cdc/api/v2/changefeed.go;
 * cdc/owner/feed_state_manager.go).
 */
class PauseChangefeedTest extends RouteTestBase {

    @Test
    void pauseAnswersAnEmptyObjectAndStopsTheChangefeed() {
        long ts = createBlackhole("test1");
        assertJsonOk(post(CHANGEFEEDS + "/test1/pause", null), "{}");
        assertJsonOk(get(CHANGEFEEDS + "/test1"), info("test1", "blackhole:", ts).stopped().toString());
    }

    @Test
    void pauseReadsNoBody() {
        createBlackhole("test1");
        assertJsonOk(post(CHANGEFEEDS + "/test1/pause", "this is not json"), "{}");
        assertJsonOk(get(CHANGEFEEDS + "/test1/status"), "{\"state\":\"stopped\",\"resolved_ts\":0,\"checkpoint_ts\":" + START_TSO + "}");
    }

    @Test
    void pauseOfAStoppedChangefeedIsIgnoredWith200() {
        long ts = createBlackhole("test1");
        pause("test1");
        assertJsonOk(post(CHANGEFEEDS + "/test1/pause", null), "{}");
        assertJsonOk(get(CHANGEFEEDS + "/test1"), info("test1", "blackhole:", ts).stopped().toString());
    }

    @Test
    void pauseHonoursTheNamespaceQuery() {
        createWith("{\"namespace\":\"ns1\",\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertNotExists(post(CHANGEFEEDS + "/test1/pause", null), "default/test1");
        assertJsonOk(post(CHANGEFEEDS + "/test1/pause?namespace=ns1", null), "{}");
        assertJsonOk(get(CHANGEFEEDS + "?namespace=ns1&state=stopped"),
                "{\"total\":1,\"items\":[" + Expected.listItem("ns1", "test1", "stopped", START_TSO) + "]}");
    }

    @Test
    void pauseOfAnUnknownChangefeedIsA400NotExists() {
        assertNotExists(post(CHANGEFEEDS + "/nope/pause", null), "default/nope");
    }

    @Test
    void pauseWithAnInvalidIdIsA400() {
        assertInvalidId(post(CHANGEFEEDS + "/test_1/pause", null), "test_1");
    }

    @Test
    void pauseWithGetIsA404() {
        createBlackhole("test1");
        assertNoRoute(get(CHANGEFEEDS + "/test1/pause"));
    }
}
