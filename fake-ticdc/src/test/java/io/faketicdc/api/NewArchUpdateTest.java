package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code PUT /api/v2/changefeeds/{id}} on the new architecture (pingcap/ticdc api/v2/changefeed.go
 * UpdateChangefeed): its checks in its order with its codes, a sent replica config built on the
 * defaults, no "the same config" refusal; v1 update rewrites its body as the v2 one.
 */
class NewArchUpdateTest extends NewArchTestBase {
    private static final String CF = CHANGEFEEDS + "/cf1";
    private static final String REFUSED = "CDC:ErrChangefeedUpdateRefused";
    private static final String LATER = Long.toString(START_TSO + (1L << 40));
    /**
     * A sent config over the defaults: enable_sync_point and enable_table_monitor are copied as
     * sent, so nil (omitted) when left out (pingcap/ticdc api/v2/model.go toInternalReplicaConfigWithOriginConfig).
     */
    private static final String SENT_DEFAULTS = DEFAULT_CONFIG.replace("\"enable_sync_point\":false,\"enable_table_monitor\":false,", "");

    private String createStopped(String replicaConfig) {
        String gid = gidOf(create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\""
                + (replicaConfig == null ? "" : ",\"replica_config\":" + replicaConfig) + "}").body());
        pause("cf1");
        return gid;
    }

    @Test
    void a_sent_replica_config_replaces_the_old_one_over_the_defaults_and_the_answer_is_the_updated_info() {
        String gid = createStopped("{\"case_sensitive\":true}");
        String config = SENT_DEFAULTS.replace("\"case_sensitive\":false,", "\"case_sensitive\":false,\"force_replicate\":true,");
        assertJsonOk(put(CF, "{\"replica_config\":{\"force_replicate\":true}}"),
                info("cf1", "blackhole:", START_TSO, "stopped", gid, null, config));
        assertJsonOk(get(CF), info("cf1", "blackhole:", START_TSO, "stopped", gid, null, config));
    }

    @Test
    void a_sent_section_such_as_integrity_or_scheduler_is_merged_into_the_default_section() {
        String gid = createStopped(null);
        String config = SENT_DEFAULTS.replace("\"region_threshold\":10000", "\"region_threshold\":5");
        assertJsonOk(put(CF, "{\"replica_config\":{\"integrity\":{},\"scheduler\":{\"region_threshold\":5}}}"),
                info("cf1", "blackhole:", START_TSO, "stopped", gid, null, config));
    }

    @Test
    void an_update_that_changes_nothing_answers_the_info_not_a_refusal() {
        String gid = createStopped(null);
        assertJsonOk(put(CF, "{}"), info("cf1", "blackhole:", START_TSO, "stopped", gid, null));
        assertJsonOk(put(CF, "null"), info("cf1", "blackhole:", START_TSO, "stopped", gid, null));
    }

    @Test
    void a_target_ts_update_keeps_the_config_and_answers_the_new_target_ts() {
        createStopped("{\"case_sensitive\":true}");
        Http.Response r = put(CF, "{\"target_ts\":" + LATER + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"start_ts\":" + START_TSO + ",\"target_ts\":" + LATER + ",")
                .contains("\"case_sensitive\":true");
    }

    @Test
    void first_a_running_changefeed_is_refused_before_its_body_is_read() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertApiError(put(CF, "{"), 400, REFUSED, "[CDC:ErrChangefeedUpdateRefused]changefeed update error: "
                + "can only update changefeed config when it is stopped or failed");
    }

    @Test
    void then_the_body_must_bind() {
        createStopped(null);
        assertBindError(put(CF, ""), "EOF");
        assertBindError(put(CF, "{\"target_ts\":\"1\"}"),
                "json: cannot unmarshal string into Go struct field ChangefeedConfig.target_ts of type uint64");
    }

    @Test
    void then_target_ts_must_be_after_start_ts_even_when_start_ts_is_sent_too() {
        createStopped(null);
        assertApiError(put(CF, "{\"target_ts\":1,\"start_ts\":5}"), 400, REFUSED,
                "[CDC:ErrChangefeedUpdateRefused]can not update target_ts:1 less than start_ts:" + START_TSO);
    }

    @Test
    void then_start_ts_cannot_be_sent_before_the_sink_uri_is_looked_at() {
        createStopped(null);
        assertApiError(put(CF, "{\"start_ts\":5,\"sink_uri\":\"127.0.0.1:3306\"}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]start_ts can not be updated");
    }

    @Test
    void then_an_unparsable_sink_uri_is_an_invalid_sink_uri_not_a_refusal() {
        createStopped(null);
        assertApiError(put(CF, "{\"sink_uri\":\"127.0.0.1:3306\"}"), 400, "CDC:ErrSinkURIInvalid",
                "[CDC:ErrSinkURIInvalid]sink uri invalid '<invalid uri>': "
                        + "parse \"<invalid uri>\": first path segment in URL cannot contain colon");
    }

    @Test
    void then_a_config_validation_fails_as_invalid_replica_config() {
        createStopped(null);
        assertApiError(put(CF, "{\"replica_config\":{\"changefeed_error_stuck_duration\":\"1m\"}}"), 500,
                "CDC:ErrInvalidReplicaConfig", "[CDC:ErrInvalidReplicaConfig]invalid replica config, %s: "
                        + "[CDC:ErrInvalidReplicaConfig]invalid replica config, "
                        + "The ChangefeedErrorStuckDuration:60.000000 must be larger than 1800.000000 Seconds");
    }

    @Test
    void then_a_bad_filter_rule_is_refused_with_its_cause() {
        createStopped(null);
        Http.Response r = put(CF, "{\"replica_config\":{\"filter\":{\"rules\":[\"a.b.c\"]}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"error_msg\": \"[CDC:ErrChangefeedUpdateRefused]changefeed update error: "
                + "[CDC:ErrFilterRuleInvalid]").contains("\"error_code\": \"CDC:ErrChangefeedUpdateRefused\"");
    }

    @Test
    void a_v1_update_is_refused_the_same_way_and_otherwise_sends_the_v1_defaults_as_its_replica_config() {
        String gid = gidOf(create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}").body());
        assertApiError(put(V1_CHANGEFEEDS + "/cf1", "{}"), 400, REFUSED, "[CDC:ErrChangefeedUpdateRefused]"
                + "changefeed update error: can only update changefeed config when it is stopped or failed");
        pause("cf1");
        // pingcap/ticdc api/v1/api.go getV2ChangefeedConfig: no filter rules sent, so none; no workers, so 0
        String config = V1_DEFAULT_CONFIG.replace("\"force_replicate\":false", "\"force_replicate\":true")
                .replace("\"filter\":{\"rules\":[\"*.*\"]}", "\"filter\":{}");
        Http.Response r = put(V1_CHANGEFEEDS + "/cf1", "{\"target_ts\":" + LATER + ",\"force_replicate\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.body()).isEqualTo(info("cf1", "blackhole:", START_TSO, "stopped", gid, null, config)
                .replace("\"start_ts\":" + START_TSO + ",", "\"start_ts\":" + START_TSO + ",\"target_ts\":" + LATER + ","));
    }

    @Test
    void a_v1_update_binds_its_v1_body_before_the_state_check() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertBindError(put(V1_CHANGEFEEDS + "/cf1", "{\"filter_rules\":1}"),
                "json: cannot unmarshal number into Go struct field changefeedConfig.filter_rules of type []string");
    }
}
