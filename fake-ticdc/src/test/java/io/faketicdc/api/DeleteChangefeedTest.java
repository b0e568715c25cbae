package io.faketicdc.api;

import org.junit.jupiter.api.Test;

/** {@code DELETE /api/v2/changefeeds/{id}} (pingcap/tiflow cdc/api/v2/changefeed.go). */
class DeleteChangefeedTest extends RouteTestBase {

    @Test
    void deleteAnswersAnEmptyObjectAndTheChangefeedIsGone() {
        createBlackhole("test1");
        assertJsonOk(delete(CHANGEFEEDS + "/test1"), "{}");
        assertNotExists(get(CHANGEFEEDS + "/test1"), "default/test1");
        assertJsonOk(get(CHANGEFEEDS + "?state=all"), "{\"total\":0,\"items\":[]}");
    }

    @Test
    void deleteOfAStoppedChangefeedWorks() {
        createBlackhole("test1");
        pause("test1");
        assertJsonOk(delete(CHANGEFEEDS + "/test1"), "{}");
        assertNotExists(get(CHANGEFEEDS + "/test1/status"), "default/test1");
    }

    @Test
    void deleteOfAnUnknownChangefeedIs200() {
        assertJsonOk(delete(CHANGEFEEDS + "/nope"), "{}");
    }

    @Test
    void deleteTouchesOnlyTheGivenNamespace() {
        createBlackhole("test1");
        createWith("{\"namespace\":\"ns1\",\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(delete(CHANGEFEEDS + "/test1?namespace=ns1"), "{}");
        assertNotExists(get(CHANGEFEEDS + "/test1?namespace=ns1"), "ns1/test1");
        assertJsonOk(get(CHANGEFEEDS + "/test1/status"),
                "{\"state\":\"normal\",\"resolved_ts\":" + START_TSO + ",\"checkpoint_ts\":" + START_TSO + "}");
    }

    @Test
    void aDeletedIdCanBeCreatedAgain() {
        createBlackhole("test1");
        assertJsonOk(delete(CHANGEFEEDS + "/test1"), "{}");
        createBlackhole("test1");
    }

    @Test
    void deleteWithAnInvalidIdIsA400() {
        assertInvalidId(delete(CHANGEFEEDS + "/test_1"), "test_1");
    }
}
