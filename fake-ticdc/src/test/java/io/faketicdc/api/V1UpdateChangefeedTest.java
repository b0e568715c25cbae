package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /api/v1/changefeeds/{id}} (pingcap/tiflow cdc/api/v1/api.go; cdc/api/v1/validator.go;
 * cdc/api/middleware/middleware.go).
 */
class V1UpdateChangefeedTest extends RouteTestBase {
    private static final String REFUSED = "CDC:ErrChangefeedUpdateRefused";

    private Http.Response update(String id, String body) {
        return put(V1_CHANGEFEEDS + "/" + id, body);
    }

    private void stopped(String id) {
        createV1(id);
        fake.changefeed(id).pause();
    }

    private String v2(String id) {
        return get(CHANGEFEEDS + "/" + id).body();
    }

    private static void assertRefused(Http.Response r, String msg) {
        assertApiError(r, 400, REFUSED, "[" + REFUSED + "]" + msg);
    }

    // ---- success ----

    @Test
    void aNewTargetTsOfAStoppedChangefeedIsAccepted() {
        stopped("cf");
        long target = START_TSO + (3_600_000L << 18);
        assertAccepted(update("cf", "{\"target_ts\":" + target + "}"));
        assertThat(fake.requests().all()).extracting(RecordedRequest::operation).last().isEqualTo("v1 update changefeed");
        assertThat(v2("cf")).contains("\"target_ts\":" + target + ",");
    }

    @Test
    void aFailedChangefeedCanBeUpdatedToo() {
        createV1("cf");
        fake.changefeed("cf").fail("CDC:ErrSinkURIInvalid", "boom");
        assertAccepted(update("cf", "{\"mounter_worker_num\":2}"));
        assertThat(v2("cf")).contains("\"mounter\":{\"worker_num\":2}");
    }

    @Test
    void theSinkUriFilterRulesIgnoredTxnsAndSinkConfigAreHonoured() {
        stopped("cf");
        assertAccepted(update("cf", "{\"sink_uri\":\"kafka://h:9092/t?protocol=canal-json\",\"filter_rules\":[\"test.*\"],"
                + "\"ignore_txn_start_ts\":[7],\"sink_config\":{\"kafka-config\":{\"partition-num\":2}}}"));
        assertThat(v2("cf")).contains("\"sink_uri\":\"kafka://h:9092/t?protocol=canal-json\"")
                .contains("\"filter\":{\"rules\":[\"test.*\"],\"ignore_txn_start_ts\":[7]}")
                .contains("\"kafka_config\":{\"partition_num\":2}");
    }

    // ---- errors ----

    @Test
    void aNormalChangefeedIsRefusedBeforeTheBodyIsRead() {
        createV1("cf");
        assertRefused(update("cf", "{bad"), "changefeed update error: can only update changefeed config when it is stopped or failed");
    }

    @Test
    void anUnknownChangefeedIsNotExists() {
        assertNotExists(update("nope", "{}"), "default/nope");
    }

    @Test
    void anInvalidIdIsRefused() {
        assertInvalidId(update("a_b", "{}"), "a_b");
    }

    @Test
    void malformedJsonIsGosBareErrorWithAnEmptyCodeAndTextContentType() {
        stopped("cf");
        Http.Response r = update("cf", "{bad");
        assertError(r, 400, "", "invalid character 'b' looking for beginning of object key string");
        assertThat(r.header("Content-Type")).isEqualTo(TEXT);
    }

    @Test
    void anEmptyBodyIsABareEofWithAnEmptyCode() {
        stopped("cf");
        assertError(update("cf", ""), 400, "", "EOF");
    }

    @Test
    void aFieldOfTheWrongTypeIsGosBareTypeError() {
        stopped("cf");
        assertError(update("cf", "{\"target_ts\":\"1\"}"), 400, "",
                "json: cannot unmarshal string into Go struct field ChangefeedConfig.target_ts of type uint64");
    }

    @Test
    void anEmptyObjectChangesNothing() {
        stopped("cf");
        assertRefused(update("cf", "{}"), "changefeed update error: changefeed config is the same with the old one, do nothing");
    }

    @Test
    void fieldsThatUpdateDoesNotHonourChangeNothing() {
        stopped("cf");
        assertRefused(update("cf", "{\"start_ts\":1,\"force_replicate\":true,\"timezone\":\"nowhere\",\"namespace\":\"x\"}"),
                "changefeed update error: changefeed config is the same with the old one, do nothing");
    }

    @Test
    void theSameValueAgainChangesNothing() {
        stopped("cf");
        assertAccepted(update("cf", "{\"mounter_worker_num\":3}"));
        assertRefused(update("cf", "{\"mounter_worker_num\":3}"),
                "changefeed update error: changefeed config is the same with the old one, do nothing");
    }

    @Test
    void aTargetTsNotAfterTheStartTsIsRefused() {
        stopped("cf");
        assertRefused(update("cf", "{\"target_ts\":" + START_TSO + "}"),
                "can not update target-ts:" + START_TSO + " less than start-ts:" + START_TSO);
    }

    @Test
    void anInvalidFilterRuleIsRefusedWrappingTheFilterError() {
        stopped("cf");
        Http.Response r = update("cf", "{\"filter_rules\":[\"a.b.c\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).startsWith("{\n    \"error_msg\": \"[" + REFUSED + "]changefeed update error: [CDC:ErrFilterRuleInvalid]");
    }

    @Test
    void anUnsupportedSinkSchemeIsRefusedWrappingTheSinkError() {
        stopped("cf");
        assertRefused(update("cf", "{\"sink_uri\":\"foo://x/\"}"),
                "changefeed update error: [CDC:ErrSinkURIInvalid]the sink scheme (foo) is not supported");
    }
}
