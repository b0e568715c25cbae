package io.faketicdc.api;

import static io.faketicdc.api.Expected.GC_SAFEPOINT;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/changefeeds} (pingcap/tiflow cdc/api/v1/api.go; cdc/api/v1/validator.go;
 * cdc/model/http_model.go; pkg/config/sink.go; pkg/util/tz.go).
 */
class V1CreateChangefeedTest extends RouteTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(2);
    }

    private Http.Response createRaw(String body) {
        return post(V1_CHANGEFEEDS, body);
    }

    /** The changefeed as v2 shows it, to see which config v1 stored. */
    private String v2Config(String id) {
        String body = get(CHANGEFEEDS + "/" + id).body();
        return body.substring(body.indexOf("\"config\":"), body.indexOf(",\"state\":"));
    }

    // ---- success ----

    @Test
    void createAnswers202WithNoBodyAndTheChangefeedHasTheDefaultConfig() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertAccepted(r);
        createBlackhole("overv2");
        assertThat(v2Config("test1")).isEqualTo(v2Config("overv2"));
        assertThat(get(CHANGEFEEDS + "/test1").body()).contains("\"start_ts\":" + START_TSO + ",");
    }

    @Test
    void createIsJournaledAsTheV1Operation() {
        createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertThat(fake.requests().all()).extracting(RecordedRequest::operation).containsExactly("v1 create changefeed");
    }

    @Test
    void createOnANonOwnerIsForwardedToTheOwner() {
        assertAccepted(sendTo(1, "POST", V1_CHANGEFEEDS, "{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}"));
        RecordedRequest r = fake.requests().all().get(0);
        assertThat(r.forwardedTo()).isEqualTo(0);
        assertThat(get(CHANGEFEEDS + "/test1").status()).isEqualTo(200);
    }

    @Test
    void createIgnoresTheNamespaceAndUsesDefault() {
        assertAccepted(createRaw("{\"namespace\":\"other\",\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}"));
        assertThat(get(CHANGEFEEDS + "/test1").status()).isEqualTo(200);
        assertThat(get(CHANGEFEEDS + "/test1?namespace=other").status()).isEqualTo(400);
    }

    @Test
    void createKeepsTheStartAndTargetTs() {
        long start = START_TSO - (60_000L << 18);
        long target = START_TSO + (3_600_000L << 18);
        assertAccepted(createRaw("{\"changefeed_id\":\"t\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + start
                + ",\"target_ts\":" + target + "}"));
        assertThat(get(CHANGEFEEDS + "/t").body()).contains("\"start_ts\":" + start + ",\"target_ts\":" + target + ",")
                .contains("\"checkpoint_ts\":" + start + ",");
    }

    @Test
    void createPutsForceReplicateFilterRulesIgnoredTxnsAndMounterWorkersIntoTheConfig() {
        assertAccepted(createRaw("{\"changefeed_id\":\"c\",\"sink_uri\":\"blackhole://\",\"force_replicate\":true,"
                + "\"filter_rules\":[\"test.*\"],\"ignore_txn_start_ts\":[1,2],\"mounter_worker_num\":4}"));
        assertThat(v2Config("c")).contains("\"force_replicate\":true,")
                .contains("\"filter\":{\"rules\":[\"test.*\"],\"ignore_txn_start_ts\":[1,2]}")
                .contains("\"mounter\":{\"worker_num\":4}");
    }

    @Test
    void createTakesTheSinkConfigWithKebabCaseKeysInPlaceOfTheDefaultSink() {
        assertAccepted(createRaw("{\"changefeed_id\":\"k\",\"sink_uri\":\"kafka://h:9092/t?protocol=canal-json\","
                + "\"sink_config\":{\"dispatchers\":[{\"matcher\":[\"test.*\"],\"partition\":\"ts\",\"topic\":\"x\"}],"
                + "\"kafka-config\":{\"partition-num\":3,\"max-message-bytes\":1024},\"encoder-concurrency\":8}}"));
        assertThat(v2Config("k")).contains("\"sink\":{\"protocol\":\"canal-json\","
                + "\"dispatchers\":[{\"matcher\":[\"test.*\"],\"partition\":\"ts\",\"topic\":\"x\"}],"
                + "\"encoder_concurrency\":8,\"terminator\":\"\\r\\n\",");
        assertThat(v2Config("k")).contains("\"kafka_config\":{\"partition_num\":3,\"max_message_bytes\":1024}");
    }

    @Test
    void createTakesTheKeysThatAreNotAPlainRespellingOfV2() {
        assertAccepted(createRaw("{\"changefeed_id\":\"f\",\"sink_uri\":\"file:///tmp/x?protocol=csv\","
                + "\"sink_config\":{\"file-index-digit\":8,\"advance-timeout-in-sec\":30,\"date-separator\":\"none\"}}"));
        assertThat(v2Config("f")).contains("\"date_separator\":\"none\"").contains("\"file_index_width\":8")
                .contains("\"advance_timeout\":30");
    }

    @Test
    void theDeprecatedDispatcherOfARuleBecomesItsPartition() {
        assertAccepted(createRaw("{\"changefeed_id\":\"k\",\"sink_uri\":\"kafka://h:9092/t?protocol=canal-json\","
                + "\"sink_config\":{\"dispatchers\":[{\"matcher\":[\"test.*\"],\"dispatcher\":\"table\"}]}}"));
        assertThat(v2Config("k")).contains("\"dispatchers\":[{\"matcher\":[\"test.*\"],\"partition\":\"table\"}]");
    }

    @Test
    void createWithAValidTimezoneIsAccepted() {
        assertAccepted(createRaw("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"timezone\":\"Asia/Shanghai\"}"));
        assertAccepted(createRaw("{\"changefeed_id\":\"b\",\"sink_uri\":\"blackhole://\",\"timezone\":\"SYSTEM\"}"));
    }

    // ---- errors ----

    @Test
    void anEmptyBodyIsTheBindErrorEof() {
        assertBindError(createRaw(""), "EOF");
    }

    @Test
    void aMalformedBodyIsTheBindError() {
        assertBindError(createRaw("{x"), "invalid character 'x' looking for beginning of object key string");
    }

    @Test
    void aSinkConfigOfTheWrongTypeNamesItsKebabCasePath() {
        assertBindError(createRaw("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\","
                + "\"sink_config\":{\"kafka-config\":{\"partition-num\":\"3\"}}}"),
                "json: cannot unmarshal string into Go struct field KafkaConfig.sink_config.kafka-config.partition-num of type int32");
    }

    @Test
    void aSinkConfigSentAsAListOfStringsAsTiEmDeclaresItIsTheBindError() {
        assertBindError(createRaw("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"sink_config\":[\"x\"]}"),
                "json: cannot unmarshal array into Go struct field ChangefeedConfig.sink_config of type config.SinkConfig");
    }

    @Test
    void aStartTsOfTheWrongTypeNamesTheV1Struct() {
        assertBindError(createRaw("{\"start_ts\":\"1\"}"),
                "json: cannot unmarshal string into Go struct field ChangefeedConfig.start_ts of type uint64");
    }

    @Test
    void aNullBodyLacksTheSinkUri() {
        assertApiError(createRaw("null"), 400, "CDC:ErrSinkURIInvalid",
                "[CDC:ErrSinkURIInvalid]sink uri invalid 'sink-uri is empty, can't not create a changefeed without sink-uri'");
    }

    @Test
    void aMissingChangefeedIdIsInvalidRatherThanGenerated() {
        assertInvalidId(createRaw("{\"sink_uri\":\"blackhole://\"}"), "");
    }

    @Test
    void anInvalidChangefeedIdIsRefused() {
        assertInvalidId(createRaw("{\"changefeed_id\":\"a_b\",\"sink_uri\":\"blackhole://\"}"), "a_b");
    }

    @Test
    void anExistingIdIsA500AlreadyExists() {
        createBlackhole("test1");
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}"), 500,
                "CDC:ErrChangeFeedAlreadyExists", "[CDC:ErrChangeFeedAlreadyExists]changefeed already exists, test1");
    }

    @Test
    void aStartTsAheadOfPdIsRefused() {
        long ahead = START_TSO + (60_000L << 18);
        assertApiError(createRaw("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + ahead + "}"), 400,
                "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid start-ts " + ahead + ", larger than current tso " + START_TSO);
    }

    @Test
    void aStartTsAtTheGcSafepointIsRefused() {
        assertApiError(createRaw("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + GC_SAFEPOINT + "}"), 400,
                "CDC:ErrStartTsBeforeGC", "[CDC:ErrStartTsBeforeGC]fail to create or maintain changefeed because start-ts "
                        + GC_SAFEPOINT + " is earlier than or equal to GC safepoint at " + GC_SAFEPOINT);
    }

    @Test
    void aTargetTsBeforeTheStartTsIsRefused() {
        long target = START_TSO - 1;
        assertApiError(createRaw("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"target_ts\":" + target + "}"), 400,
                "CDC:ErrTargetTsBeforeStartTs", "[CDC:ErrTargetTsBeforeStartTs]fail to create changefeed because target-ts "
                        + target + " is earlier than start-ts " + START_TSO);
    }

    @Test
    void anUnknownTimezoneIsRefused() {
        assertApiError(createRaw("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"timezone\":\"Mars/Base\"}"), 400,
                "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid api parameter: invalid timezone:Mars/Base: "
                        + "[CDC:ErrLoadTimezone]load timezone: unknown time zone Mars/Base");
    }

    @Test
    void anUnsupportedSinkSchemeIsRefused() {
        assertApiError(createRaw("{\"changefeed_id\":\"a\",\"sink_uri\":\"foo://x/\"}"), 400,
                "CDC:ErrSinkURIInvalid", "[CDC:ErrSinkURIInvalid]the sink scheme (foo) is not supported");
    }

    @Test
    void anInvalidFilterRuleIsRefusedByTheSharedFilterCheck() {
        Http.Response v1 = createRaw("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"filter_rules\":[\"a.b.c\"]}");
        Http.Response v2 = post(CHANGEFEEDS, "{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"filter\":{\"rules\":[\"a.b.c\"]}}}");
        assertThat(v1.status()).isEqualTo(400);
        assertThat(v1.body()).isEqualTo(v2.body()).contains("CDC:ErrFilterRuleInvalid");
    }

    @Test
    void aDispatchRuleWithBothDispatcherAndPartitionIsAnInvalidSinkConfig() {
        assertApiError(createRaw("{\"changefeed_id\":\"k\",\"sink_uri\":\"kafka://h:9092/t?protocol=canal-json\","
                + "\"sink_config\":{\"dispatchers\":[{\"matcher\":[\"test.*\"],\"dispatcher\":\"ts\",\"partition\":\"table\"}]}}"),
                500, "CDC:ErrSinkInvalidConfig", "[CDC:ErrSinkInvalidConfig]sink config invalid: dispatcher and partition "
                        + "cannot be configured both for rule:&{[test.*] ts table  [] }");
    }

    @Test
    void aGetOfTheCreateRouteIsTheV1List() {
        assertThat(get(V1_CHANGEFEEDS).status()).isEqualTo(200);
        assertNoRoute(send("PATCH", V1_CHANGEFEEDS, "{}"));
    }
}
