package io.faketicdc.api;

import static io.faketicdc.api.Expected.DEFAULT_CONSISTENT;
import static io.faketicdc.api.Expected.DEFAULT_SINK;
import static io.faketicdc.api.Expected.DEFAULT_TAIL;
import static io.faketicdc.api.Expected.MYSQL_READ_CONFIG;
import static io.faketicdc.api.Expected.info;

import org.junit.jupiter.api.Test;

/**
 * {@code PUT /api/v2/changefeeds/{id}} on master (pingcap/tiflow cdc/api/v2/changefeed.go;
 * cdc/api/v2/api_helpers.go; cdc/api/v2/model.go; pkg/config/sink.go).
 */
class UpdateChangefeedTest extends RouteTestBase {
    private static final String MY = CHANGEFEEDS + "/my";
    private static final String URI = "mysql://root:123456@127.0.0.1:3306/";
    private static final String MASKED = "mysql://root:xxxxx@127.0.0.1:3306/";
    private static final String REFUSED = "CDC:ErrChangefeedUpdateRefused";
    private static final String SAME = "[CDC:ErrChangefeedUpdateRefused]changefeed update error: "
            + "changefeed config is the same with the old one, do nothing";

    /** A replica_config of only omitted sections, laid over the defaults (not the current config). */
    private static final String HEAD_OF_A_REPLACED_CONFIG = "{\"memory_quota\":1073741824,\"case_sensitive\":false,"
            + "\"force_replicate\":false,\"ignore_ineligible_table\":false,\"check_gc_safe_point\":false,"
            + "\"sync_point_interval\":600000000000,\"sync_point_retention\":86400000000000,\"filter\":{\"rules\":[\"*.*\"]},";

    private long createStoppedMysql() {
        long ts = createWith("{\"changefeed_id\":\"my\",\"sink_uri\":\"" + URI + "\"}");
        pause("my");
        return ts;
    }

    // ---- refusals before the body is read ----

    @Test
    void updateOfARunningChangefeedIsRefused() {
        createWith("{\"changefeed_id\":\"my\",\"sink_uri\":\"" + URI + "\"}");
        assertApiError(put(MY, "{\"target_ts\":" + (START_TSO + 100) + "}"), 400, REFUSED,
                "[CDC:ErrChangefeedUpdateRefused]changefeed update error: "
                        + "can only update changefeed config when it is stopped or failed");
    }

    @Test
    void updateChecksTheStateBeforeParsingTheBody() {
        createWith("{\"changefeed_id\":\"my\",\"sink_uri\":\"" + URI + "\"}");
        assertApiError(put(MY, "{not json"), 400, REFUSED, "[CDC:ErrChangefeedUpdateRefused]changefeed update error: "
                + "can only update changefeed config when it is stopped or failed");
    }

    @Test
    void updateOfAnUnknownChangefeedIsA400NotExists() {
        assertNotExists(put(CHANGEFEEDS + "/nope?namespace=ns1", ""), "ns1/nope");
    }

    @Test
    void updateWithAnInvalidIdIsA400() {
        assertInvalidId(put(CHANGEFEEDS + "/test_1", "{}"), "test_1");
    }

    // ---- body ----

    @Test
    void updateWithAnEmptyBodyIsA400Eof() {
        createStoppedMysql();
        assertBindError(put(MY, ""), "EOF");
    }

    @Test
    void updateWithATypeErrorIsA400() {
        createStoppedMysql();
        assertBindError(put(MY, "{\"target_ts\":\"1\"}"),
                "json: cannot unmarshal string into Go struct field ChangefeedConfig.target_ts of type uint64");
    }

    @Test
    void updateWithAnEmptyObjectIsANoOpAndRefused() {
        createStoppedMysql();
        assertApiError(put(MY, "{}"), 400, REFUSED, SAME);
    }

    @Test
    void updateWithANullBodyActsLikeAnEmptyObject() {
        createStoppedMysql();
        assertApiError(put(MY, "null"), 400, REFUSED, SAME);
    }

    // ---- target_ts ----

    @Test
    void updateWithATargetTsNotAfterStartTsIsRefusedWithoutTheUpdateErrorPrefix() {
        long ts = createStoppedMysql();
        assertApiError(put(MY, "{\"target_ts\":" + ts + "}"), 400, REFUSED,
                "[CDC:ErrChangefeedUpdateRefused]can not update target_ts:" + ts + " less than start_ts:" + ts);
    }

    @Test
    void updateOfTheTargetTsAnswersTheInfoWithTheStoredTrimmedConfig() {
        long ts = createStoppedMysql();
        long target = START_TSO + (3_600_000L << 18);
        String expected = info("my", MASKED, ts).targetTs(target).config(MYSQL_READ_CONFIG).stopped().toString();
        assertJsonOk(put(MY, "{\"target_ts\":" + target + "}"), expected);
        assertJsonOk(get(MY), expected);
    }

    @Test
    void updateWithTheSameTargetTsAgainIsANoOp() {
        createStoppedMysql();
        long target = START_TSO + (3_600_000L << 18);
        String body = "{\"target_ts\":" + target + "}";
        org.assertj.core.api.Assertions.assertThat(put(MY, body).status()).isEqualTo(200);
        assertApiError(put(MY, body), 400, REFUSED, SAME);
    }

    @Test
    void updateIgnoresIdNamespaceAndStartTsInTheBody() {
        long ts = createStoppedMysql();
        long target = START_TSO + 1000;
        Http.Response r = put(MY, "{\"changefeed_id\":\"other\",\"namespace\":\"ns1\",\"start_ts\":1,\"target_ts\":" + target + "}");
        assertJsonOk(r, info("my", MASKED, ts).targetTs(target).config(MYSQL_READ_CONFIG).stopped().toString());
    }

    // ---- sink_uri ----

    @Test
    void updateOfTheSinkUriAnswersItMasked() {
        long ts = createStoppedMysql();
        Http.Response r = put(MY, "{\"sink_uri\":\"mysql://root:abc@127.0.0.2:3306/\"}");
        assertJsonOk(r, info("my", "mysql://root:xxxxx@127.0.0.2:3306/", ts).config(MYSQL_READ_CONFIG).stopped().toString());
        assertJsonOk(get(MY + "/meta_info"), info("my", "mysql://root:abc@127.0.0.2:3306/", ts)
                .config(MYSQL_READ_CONFIG).stopped().toString());
    }

    @Test
    void updateToAnUnsupportedSchemeIsRefusedWithTheInnerError() {
        createStoppedMysql();
        assertApiError(put(MY, "{\"sink_uri\":\"foo://127.0.0.1/\"}"), 400, REFUSED,
                "[CDC:ErrChangefeedUpdateRefused]changefeed update error: "
                        + "[CDC:ErrSinkURIInvalid]the sink scheme (foo) is not supported");
    }

    @Test
    void updateToAnUnparsableSinkUriIsRefusedWithTheMaskedParseError() {
        createStoppedMysql();
        assertApiError(put(MY, "{\"sink_uri\":\"127.0.0.1:3306\"}"), 400, REFUSED,
                "[CDC:ErrChangefeedUpdateRefused]changefeed update error: [CDC:ErrSinkURIInvalid]sink uri invalid "
                        + "'<invalid uri>': parse \"<invalid uri>\": first path segment in URL cannot contain colon");
    }

    @Test
    void updateToKafkaWithoutProtocolIsA400BecauseTheWrapperIsA400Code() {
        createStoppedMysql();
        assertApiError(put(MY, "{\"sink_uri\":\"kafka://127.0.0.1:9092/t\"}"), 400, REFUSED,
                "[CDC:ErrChangefeedUpdateRefused]changefeed update error: "
                        + "[CDC:ErrSinkUnknownProtocol]unknown '' message protocol for sink");
    }

    // ---- replica_config replaces, over the defaults ----

    @Test
    void updateWithAReplicaConfigStartsFromTheDefaultsNotTheCurrentConfig() {
        long ts = createStoppedMysql();
        String config = HEAD_OF_A_REPLACED_CONFIG + "\"mounter\":{\"worker_num\":8},\"sink\":" + DEFAULT_SINK
                + ",\"consistent\":" + DEFAULT_CONSISTENT + "," + DEFAULT_TAIL;
        assertJsonOk(put(MY, "{\"replica_config\":{\"mounter\":{\"worker_num\":8}}}"),
                info("my", MASKED, ts).config(config).stopped().toString());
    }

    @Test
    void updateWithAReplicaConfigIsTrimmedAgainOnTheNextRead() {
        long ts = createStoppedMysql();
        put(MY, "{\"replica_config\":{\"mounter\":{\"worker_num\":8}}}");
        String mysqlSink = MYSQL_READ_CONFIG.substring(MYSQL_READ_CONFIG.indexOf("\"sink\":"),
                MYSQL_READ_CONFIG.indexOf(",\"consistent\":"));
        String config = HEAD_OF_A_REPLACED_CONFIG + "\"mounter\":{\"worker_num\":8}," + mysqlSink
                + ",\"consistent\":" + DEFAULT_CONSISTENT + "," + DEFAULT_TAIL;
        assertJsonOk(get(MY), info("my", MASKED, ts).config(config).stopped().toString());
    }

    @Test
    void updateWithAnEmptySinkSectionReplacesTheWholeSink() {
        long ts = createStoppedMysql();
        String config = HEAD_OF_A_REPLACED_CONFIG + "\"mounter\":{\"worker_num\":16},"
                + "\"sink\":{\"delete_only_output_handle_key_columns\":null,\"content_compatible\":null},"
                + "\"consistent\":" + DEFAULT_CONSISTENT + "," + DEFAULT_TAIL;
        assertJsonOk(put(MY, "{\"replica_config\":{\"sink\":{}}}"), info("my", MASKED, ts).config(config).stopped().toString());
    }

    @Test
    void updateWithAnEmptyIntegritySectionFailsValidation() {
        createStoppedMysql();
        assertApiError(put(MY, "{\"replica_config\":{\"integrity\":{}}}"), 400, REFUSED,
                "[CDC:ErrChangefeedUpdateRefused]changefeed update error: "
                        + "[CDC:ErrInvalidReplicaConfig]invalid replica config, %s");
    }

    @Test
    void updateWithASyncPointIntervalUnder30sIsRefused() {
        createStoppedMysql();
        assertApiError(put(MY, "{\"replica_config\":{\"enable_sync_point\":true,\"sync_point_interval\":\"10s\"}}"),
                400, REFUSED, "[CDC:ErrChangefeedUpdateRefused]changefeed update error: [CDC:ErrInvalidReplicaConfig]"
                        + "invalid replica config, The SyncPointInterval:10s must be larger than 30s");
    }

    @Test
    void updateWithABadDurationIsA400BindError() {
        createStoppedMysql();
        assertBindError(put(MY, "{\"replica_config\":{\"sync_point_interval\":\"x\"}}"), "time: invalid duration \"x\"");
    }
}
