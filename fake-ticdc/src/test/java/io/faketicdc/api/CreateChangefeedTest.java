package io.faketicdc.api;

import static io.faketicdc.api.Expected.DEFAULT_CONFIG;
import static io.faketicdc.api.Expected.GC_SAFEPOINT;
import static io.faketicdc.api.Expected.info;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v2/changefeeds} on master (pingcap/tiflow cdc/api/v2/changefeed.go;
 * cdc/api/v2/api_helpers.go; pkg/util/uri.go; gin-gonic/gin v1.9.1 binding/json.go).
 */
class CreateChangefeedTest extends RouteTestBase {

    private Http.Response createRaw(String body) {
        return post(CHANGEFEEDS, body);
    }

    // ---- success ----

    @Test
    void createOfABlackholeChangefeedAnswersTheFullInfoWithTheDefaultConfig() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(r, info("test1", "blackhole:", START_TSO).toString());
    }

    @Test
    void createWithoutChangefeedIdGeneratesALowercaseUuid() {
        Http.Response r = createRaw("{\"sink_uri\":\"blackhole://\"}");
        assertThat(r.status()).isEqualTo(200);
        String id = r.body().replaceFirst("^.*?\"id\":\"([^\"]*)\".*$", "$1");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertJsonOk(r, info(id, "blackhole:", START_TSO).toString());
        assertThat(get(CHANGEFEEDS + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void createWithAnEmptyChangefeedIdAlsoGeneratesAUuid() {
        Http.Response r = createRaw("{\"changefeed_id\":\"\",\"sink_uri\":\"blackhole://\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).containsPattern("\"id\":\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"");
    }

    @Test
    void createWithAGivenStartTsKeepsItAsCheckpointAndResolvedTs() {
        long startTs = START_TSO - (60_000L << 18);
        Http.Response r = createRaw("{\"changefeed_id\":\"past\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + startTs + "}");
        assertJsonOk(r, info("past", "blackhole:", startTs).checkpointTime("2026-08-20 08:16:08.123").toString());
    }

    @Test
    void createWithATargetTsAfterStartTsReturnsIt() {
        long target = START_TSO + (3_600_000L << 18);
        Http.Response r = createRaw("{\"changefeed_id\":\"t\",\"sink_uri\":\"blackhole://\",\"target_ts\":" + target + "}");
        assertJsonOk(r, info("t", "blackhole:", START_TSO).targetTs(target).toString());
    }

    @Test
    void createInAnotherNamespaceReturnsThatNamespace() {
        Http.Response r = createRaw("{\"namespace\":\"ns-1\",\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(r, info("test1", "blackhole:", START_TSO).namespace("ns-1").toString());
    }

    @Test
    void createWithTheSameIdInAnotherNamespaceIsAllowed() {
        createBlackhole("test1");
        Http.Response r = createRaw("{\"namespace\":\"other\",\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void createWithAnIdOf128CharsIsAccepted() {
        String id = "a".repeat(128);
        assertThat(createRaw("{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(200);
    }

    @Test
    void createOfAMysqlChangefeedMasksThePasswordAndKeepsTheUntrimmedConfig() {
        Http.Response r = createRaw("{\"changefeed_id\":\"my\",\"sink_uri\":\"mysql://root:123456@127.0.0.1:3306/\"}");
        assertJsonOk(r, info("my", "mysql://root:xxxxx@127.0.0.1:3306/", START_TSO).toString());
    }

    @Test
    void createOfAKafkaChangefeedPutsTheUriProtocolFirstInSinkAndEscapesTheAmpersand() {
        Http.Response r = createRaw("{\"changefeed_id\":\"k\",\"sink_uri\":\"kafka://h:9092/t?protocol=canal-json&partition-num=3\"}");
        String config = DEFAULT_CONFIG.replace("\"sink\":{", "\"sink\":{\"protocol\":\"canal-json\",");
        assertJsonOk(r, info("k", "kafka://h:9092/t?protocol=canal-json&partition-num=3", START_TSO).config(config).toString());
        assertThat(r.body()).contains("\"sink_uri\":\"kafka://h:9092/t?protocol=canal-json\\u0026partition-num=3\"");
    }

    @Test
    void createMasksTheSaslPasswordAndSortsTheQuery() {
        Http.Response r = createRaw("{\"changefeed_id\":\"k\",\"sink_uri\":"
                + "\"kafka://127.0.0.1:9092/topic?protocol=canal-json&sasl-password=abc&partition-num=3\"}");
        String config = DEFAULT_CONFIG.replace("\"sink\":{", "\"sink\":{\"protocol\":\"canal-json\",");
        assertJsonOk(r, info("k", "kafka://127.0.0.1:9092/topic?partition-num=3&protocol=canal-json&sasl-password=xxxxx",
                START_TSO).config(config).toString());
    }

    @Test
    void createWithAFileSinkAddsFileIndexWidth() {
        Http.Response r = createRaw("{\"changefeed_id\":\"f\",\"sink_uri\":\"file:///tmp/x?protocol=csv\"}");
        String config = DEFAULT_CONFIG.replace("\"sink\":{", "\"sink\":{\"protocol\":\"csv\",")
                .replace("\"enable_partition_separator\":true,", "\"enable_partition_separator\":true,\"file_index_width\":20,");
        assertJsonOk(r, info("f", "file:///tmp/x?protocol=csv", START_TSO).config(config).toString());
    }

    @Test
    void createMergesTheReplicaConfigDeeplyIntoTheDefaults() {
        Http.Response r = createRaw("{\"changefeed_id\":\"csv\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"sink\":{\"csv\":{\"quote\":\"'\"}},\"filter\":{\"rules\":[\"test.*\"]}}}");
        String config = DEFAULT_CONFIG.replace("\"quote\":\"\\\"\"", "\"quote\":\"'\"")
                .replace("\"rules\":[\"*.*\"]", "\"rules\":[\"test.*\"]");
        assertThat(config).contains("\"delimiter\":\",\",\"quote\":\"'\"");
        assertJsonOk(r, info("csv", "blackhole:", START_TSO).config(config).toString());
    }

    @Test
    void createAcceptsGoDurationStringsAndReturnsNanoseconds() {
        Http.Response r = createRaw("{\"changefeed_id\":\"d\",\"sink_uri\":\"blackhole://\",\"replica_config\":"
                + "{\"sync_point_interval\":\"1h30m\",\"sync_point_retention\":\"25h\",\"changefeed_error_stuck_duration\":\"45m\"}}");
        String config = DEFAULT_CONFIG.replace("\"sync_point_interval\":600000000000", "\"sync_point_interval\":5400000000000")
                .replace("\"sync_point_retention\":86400000000000", "\"sync_point_retention\":90000000000000")
                .replace("\"changefeed_error_stuck_duration\":1800000000000", "\"changefeed_error_stuck_duration\":2700000000000");
        assertJsonOk(r, info("d", "blackhole:", START_TSO).config(config).toString());
    }

    @Test
    void createAcceptsDurationsAsNanosecondNumbers() {
        Http.Response r = createRaw("{\"changefeed_id\":\"d\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"sync_point_interval\":60000000000}}");
        String config = DEFAULT_CONFIG.replace("\"sync_point_interval\":600000000000", "\"sync_point_interval\":60000000000");
        assertJsonOk(r, info("d", "blackhole:", START_TSO).config(config).toString());
    }

    @Test
    void createIgnoresUnknownFields() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"no_such_field\":[1,2],"
                + "\"replica_config\":{\"nope\":{\"x\":1}}}");
        assertJsonOk(r, info("test1", "blackhole:", START_TSO).toString());
    }

    @Test
    void createMatchesKeysCaseInsensitively() {
        Http.Response r = createRaw("{\"Changefeed_ID\":\"test1\",\"SINK_URI\":\"blackhole://\","
                + "\"Replica_Config\":{\"MOUNTER\":{\"Worker_Num\":4}}}");
        assertJsonOk(r, info("test1", "blackhole:", START_TSO)
                .config(DEFAULT_CONFIG.replace("\"worker_num\":16", "\"worker_num\":4")).toString());
    }

    @Test
    void createIgnoresTheContentTypeHeader() {
        Http.Response r = send("POST", CHANGEFEEDS, "{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}",
                "Content-Type: application/x-www-form-urlencoded");
        assertJsonOk(r, info("test1", "blackhole:", START_TSO).toString());
    }

    @Test
    void createIgnoresTrailingBytesAfterTheFirstJsonValue() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"} junk");
        assertJsonOk(r, info("test1", "blackhole:", START_TSO).toString());
    }

    @Test
    void createWithNullForEnableSyncPointDropsTheKey() {
        Http.Response r = createRaw("{\"changefeed_id\":\"n\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"enable_sync_point\":null,\"sink\":null}}");
        assertJsonOk(r, info("n", "blackhole:", START_TSO)
                .config(DEFAULT_CONFIG.replace("\"enable_sync_point\":false,", "")).toString());
    }

    // ---- body decoding failures (400, text/plain) ----

    @Test
    void createWithAnEmptyBodyIsA400Eof() {
        assertBindError(createRaw(""), "EOF");
    }

    @Test
    void createWithAStringStartTsIsA400TypeError() {
        assertBindError(createRaw("{\"start_ts\":\"1\",\"sink_uri\":\"blackhole://\"}"),
                "json: cannot unmarshal string into Go struct field ChangefeedConfig.start_ts of type uint64");
    }

    @Test
    void createWithANestedTypeErrorNamesTheInnermostStructAndTheFullPath() {
        assertBindError(createRaw("{\"sink_uri\":\"blackhole://\",\"replica_config\":{\"memory_quota\":\"x\"}}"),
                "json: cannot unmarshal string into Go struct field ReplicaConfig.replica_config.memory_quota of type uint64");
    }

    @Test
    void createWithANegativeNumberForAnUnsignedFieldIsA400() {
        assertBindError(createRaw("{\"sink_uri\":\"blackhole://\",\"target_ts\":-1}"),
                "json: cannot unmarshal number -1 into Go struct field ChangefeedConfig.target_ts of type uint64");
    }

    @Test
    void createWithABadDurationIsA400InvalidDuration() {
        assertBindError(createRaw("{\"sink_uri\":\"blackhole://\",\"replica_config\":{\"sync_point_interval\":\"x\"}}"),
                "time: invalid duration \"x\"");
    }

    @Test
    void createWithABooleanDurationIsA400InvalidDuration() {
        assertBindError(createRaw("{\"sink_uri\":\"blackhole://\",\"replica_config\":{\"sync_point_retention\":true}}"),
                "invalid duration");
    }

    @Test
    void createWithMalformedJsonIsA400SyntaxError() {
        assertBindError(createRaw("changefeed_id=test1"), "invalid character 'c' looking for beginning of value");
    }

    @Test
    void createWithTruncatedJsonIsA400UnexpectedEof() {
        assertBindError(createRaw("{\"sink_uri\":"), "unexpected EOF");
    }

    @Test
    void createWithAJsonArrayIsA400() {
        assertBindError(createRaw("[]"), "json: cannot unmarshal array into Go value of type v2.ChangefeedConfig");
    }

    @Test
    void createWithANullBodyPanicsIntoABare500() {
        assertPanic(createRaw("null"));
    }

    @Test
    void createWithANullReplicaConfigPanicsIntoABare500() {
        assertPanic(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"replica_config\":null}"));
        assertNotExists(get(CHANGEFEEDS + "/test1"), "default/test1");
    }

    @Test
    void createWithANullReplicaConfigPanicsBeforeTheSinkUriIsParsed() {
        assertPanic(createRaw("{\"sink_uri\":\"127.0.0.1:3306\",\"replica_config\":null}"));
    }

    // ---- validation, in the real check order ----

    @Test
    void createWithoutSinkUriIsA400SinkUriInvalid() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\"}"), 400, "CDC:ErrSinkURIInvalid",
                "[CDC:ErrSinkURIInvalid]sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'");
    }

    @Test
    void createChecksTheSinkUriBeforeTheId() {
        assertApiError(createRaw("{\"changefeed_id\":\"test_1\",\"sink_uri\":\"\"}"), 400, "CDC:ErrSinkURIInvalid",
                "[CDC:ErrSinkURIInvalid]sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'");
    }

    @Test
    void createWithAnUnderscoreInTheIdIsA400InvalidChangefeedId() {
        assertInvalidId(createRaw("{\"changefeed_id\":\"test_1\",\"sink_uri\":\"blackhole://\",\"namespace\":\"bad_ns\"}"),
                "test_1");
    }

    @Test
    void createWithAnIdOf129CharsIsA400() {
        String id = "a".repeat(129);
        assertInvalidId(createRaw("{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}"), id);
    }

    @Test
    void createWithAnIdWithALeadingHyphenIsA400() {
        assertInvalidId(createRaw("{\"changefeed_id\":\"-abc\",\"sink_uri\":\"blackhole://\"}"), "-abc");
    }

    @Test
    void createWithAnInvalidNamespaceIsA400() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"namespace\":\"bad_ns\",\"sink_uri\":\"blackhole://\"}"),
                400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid namespace: bad_ns");
    }

    @Test
    void createWithAnExistingIdIsA500AlreadyExists() {
        createBlackhole("test1");
        long future = START_TSO + (3_600_000L << 18);
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + future + "}");
        assertApiError(r, 500, "CDC:ErrChangeFeedAlreadyExists",
                "[CDC:ErrChangeFeedAlreadyExists]changefeed already exists, test1");
    }

    @Test
    void createWithAStartTsAfterTheCurrentTsoIsA400() {
        long future = START_TSO + (1000L << 18);
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + future
                + ",\"target_ts\":1}");
        assertApiError(r, 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid start-ts " + future + ", larger than current tso " + START_TSO);
    }

    @Test
    void createWithAStartTsAtTheGcSafepointIsA400StartTsBeforeGc() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + GC_SAFEPOINT
                + ",\"target_ts\":1}");
        assertApiError(r, 400, "CDC:ErrStartTsBeforeGC", "[CDC:ErrStartTsBeforeGC]fail to create or maintain changefeed "
                + "because start-ts " + GC_SAFEPOINT + " is earlier than or equal to GC safepoint at " + GC_SAFEPOINT);
    }

    @Test
    void createWithAStartTsBelowTheGcSafepointIsA400StartTsBeforeGc() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"start_ts\":1}");
        assertApiError(r, 400, "CDC:ErrStartTsBeforeGC", "[CDC:ErrStartTsBeforeGC]fail to create or maintain changefeed "
                + "because start-ts 1 is earlier than or equal to GC safepoint at " + GC_SAFEPOINT);
    }

    @Test
    void createWithAStartTsJustAfterTheGcSafepointIsAccepted() {
        long startTs = GC_SAFEPOINT + 1;
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + startTs + "}");
        assertJsonOk(r, info("test1", "blackhole:", startTs).checkpointTime("2026-08-20 08:07:08.123").toString());
    }

    @Test
    void createWithATargetTsEqualToStartTsIsA400() {
        long startTs = START_TSO - 5;
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"127.0.0.1:3306\",\"start_ts\":" + startTs
                + ",\"target_ts\":" + startTs + "}");
        assertApiError(r, 400, "CDC:ErrTargetTsBeforeStartTs", "[CDC:ErrTargetTsBeforeStartTs]fail to create changefeed "
                + "because target-ts " + startTs + " is earlier than start-ts " + startTs);
    }

    @Test
    void createWithATargetTsBeforeTheDefaultStartTsIsA400() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\",\"target_ts\":5}");
        assertApiError(r, 400, "CDC:ErrTargetTsBeforeStartTs", "[CDC:ErrTargetTsBeforeStartTs]fail to create changefeed "
                + "because target-ts 5 is earlier than start-ts " + START_TSO);
    }

    @Test
    void createWithAnUnparsableSinkUriIsA400WithTheUriMasked() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"127.0.0.1:3306\"}");
        assertApiError(r, 400, "CDC:ErrSinkURIInvalid", "[CDC:ErrSinkURIInvalid]sink uri invalid '<invalid uri>': "
                + "parse \"<invalid uri>\": first path segment in URL cannot contain colon");
    }

    @Test
    void createWithAnUnsupportedSchemeIsA400() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"foo://127.0.0.1:3306/\"}"), 400,
                "CDC:ErrSinkURIInvalid", "[CDC:ErrSinkURIInvalid]the sink scheme (foo) is not supported");
    }

    @Test
    void createWithASchemeOnlyUriIsA400UnsupportedScheme() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"mysql\"}"), 400,
                "CDC:ErrSinkURIInvalid", "[CDC:ErrSinkURIInvalid]the sink scheme () is not supported");
    }

    @Test
    void createWithAnUnbracketedIpv6HostIsA400() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"mysql://root@::1:3306/\"}"), 400,
                "CDC:ErrSinkURIInvalid", "[CDC:ErrSinkURIInvalid]sink uri host is not valid IPv6 address, "
                        + "when using IPv6 address in URI, please use [ipv6-address]:port");
    }

    @Test
    void createChecksTheIpv6HostForEveryScheme() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"kafka://fe80::1:9092/t?protocol=canal-json\"}"),
                400, "CDC:ErrSinkURIInvalid", "[CDC:ErrSinkURIInvalid]sink uri host is not valid IPv6 address, "
                        + "when using IPv6 address in URI, please use [ipv6-address]:port");
    }

    @Test
    void createChecksTheIpv6HostBeforeSyncPointCompatibility() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://::1:1/\","
                + "\"replica_config\":{\"enable_sync_point\":true}}"), 400, "CDC:ErrSinkURIInvalid",
                "[CDC:ErrSinkURIInvalid]sink uri host is not valid IPv6 address, "
                        + "when using IPv6 address in URI, please use [ipv6-address]:port");
    }

    @Test
    void createWithABracketedIpv6HostIsAccepted() {
        assertThat(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"mysql://root@[::1]:3306/\"}").status())
                .isEqualTo(200);
    }

    @Test
    void createOfKafkaWithoutProtocolIsA500UnknownProtocol() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"kafka://127.0.0.1:9092/topic\"}"), 500,
                "CDC:ErrSinkUnknownProtocol", "[CDC:ErrSinkUnknownProtocol]unknown '' message protocol for sink");
    }

    @Test
    void createOfKafkaWithAnUnknownProtocolIsA500KeepingItsSpelling() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"kafka://127.0.0.1:9092/t?protocol=Foo\"}"),
                500, "CDC:ErrSinkUnknownProtocol", "[CDC:ErrSinkUnknownProtocol]unknown 'Foo' message protocol for sink");
    }

    @Test
    void createOfMysqlWithAProtocolIsA400() {
        assertApiError(createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"mysql://127.0.0.1:3306/?protocol=canal-json\"}"),
                400, "CDC:ErrSinkURIInvalid",
                "[CDC:ErrSinkURIInvalid]sink uri invalid 'protocol canal-json is incompatible with mysql scheme'");
    }

    @Test
    void createWithASyncPointIntervalUnder30sIsA500InvalidReplicaConfig() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"mysql://127.0.0.1:3306/\","
                + "\"replica_config\":{\"enable_sync_point\":true,\"sync_point_interval\":\"10s\"}}");
        assertApiError(r, 500, "CDC:ErrInvalidReplicaConfig",
                "[CDC:ErrInvalidReplicaConfig]invalid replica config, The SyncPointInterval:10s must be larger than 30s");
    }

    @Test
    void createWithSyncPointOnANonMysqlSinkIsA400() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"enable_sync_point\":true}}");
        assertApiError(r, 400, "CDC:ErrSinkURIInvalid",
                "[CDC:ErrSinkURIInvalid]sink uri scheme is not supported with syncpoint enabled sink uri: blackhole:");
    }

    @Test
    void createWithAnInvalidFilterRuleIsA400FilterRuleInvalid() {
        Http.Response r = createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"filter\":{\"rules\":[\"a.b.c\"]}}}");
        assertApiError(r, 400, "CDC:ErrFilterRuleInvalid", "[CDC:ErrFilterRuleInvalid]filter rule is invalid &{[a.b.c] [] []}: "
                + "at <cmdline>:1: syntax error: stray characters after table pattern");
    }

    @Test
    void createFailuresLeaveNoChangefeedBehind() {
        createRaw("{\"changefeed_id\":\"test1\",\"sink_uri\":\"kafka://127.0.0.1:9092/topic\"}");
        assertJsonOk(get(CHANGEFEEDS), "{\"total\":0,\"items\":[]}");
    }
}
