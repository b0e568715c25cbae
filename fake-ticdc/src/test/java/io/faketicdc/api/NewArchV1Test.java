package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The new architecture's {@code /api/v1}: the v2 handlers behind {@code from-ticdc-api-v1}
 * (pingcap/ticdc api/v1/api.go; api/v2/helper.go): 202 with v2 bodies for changes, bare arrays.
 */
class NewArchV1Test extends NewArchTestBase {
    private static final String CF = "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}";

    @Test
    void a_v1_create_answers_202_with_the_v2_changefeed_info() {
        Http.Response r = post(V1_CHANGEFEEDS, CF);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
        assertThat(r.body()).isEqualTo(info("cf1", "blackhole:", START_TSO, "normal", gidOf(r.body()), null, V1_DEFAULT_CONFIG));
    }

    @Test
    void a_v1_get_is_the_v2_detail_with_200() {
        String gid = gidOf(post(V1_CHANGEFEEDS, CF).body());
        assertJsonOk(get(V1_CHANGEFEEDS + "/cf1"), info("cf1", "blackhole:", START_TSO, "normal", gid, coordinatorAddress(),
                V1_DEFAULT_CONFIG));
    }

    @Test
    void v1_lists_are_bare_arrays_of_the_v2_items() {
        create(CF);
        assertJsonOk(get(V1_CHANGEFEEDS), "[" + listItem("cf1", "normal", START_TSO, "null") + "]");
        String captures = get("/api/v1/captures").body();
        assertThat(captures).startsWith("[{\"id\":\"").endsWith("}]");
        assertJsonOk(get("/api/v1/processors"), "[]");
        assertJsonOk(get("/api/v1/processors/cf1/x"), "{\"table_ids\":null}");
    }

    @Test
    void v1_changes_answer_202_with_the_v2_bodies() {
        create(CF);
        assertV1(post(V1_CHANGEFEEDS + "/cf1/pause", null), "{}");
        assertV1(post(V1_CHANGEFEEDS + "/cf1/resume", null), "{}");
        assertV1(post("/api/v1/owner/resign", null), "{}");
        assertV1(delete(V1_CHANGEFEEDS + "/cf1"), "{}");
        assertV1(delete(V1_CHANGEFEEDS + "/cf1"), "null");
    }

    @Test
    void rebalance_is_a_no_op_202_and_move_table_goes_to_the_v2_handler() {
        create(CF);
        assertAccepted(post(V1_CHANGEFEEDS + "/cf1/tables/rebalance_table", null));
        String self = fake.cluster().captures().get(0).id();
        assertJsonOk(post(V1_CHANGEFEEDS + "/cf1/tables/move_table", "{\"table_id\":104,\"capture_id\":\"" + self + "\"}"), "{}");
    }

    @Test
    void health_status_and_log_are_the_v2_handlers() {
        assertJsonOk(get("/api/v1/health"), "{}");
        assertThat(get("/api/v1/status").body()).isEqualTo(get("/api/v2/status").body());
        assertJsonOk(post("/api/v1/log", "{\"log_level\":\"debug\"}"), "{}");
    }

    @Test
    void a_v2_client_sending_the_header_gets_v1_answers() {
        Http.Response r = send("POST", CHANGEFEEDS, CF, "from-ticdc-api-v1: true");
        assertThat(r.status()).isEqualTo(202);
        assertThat(send("GET", CHANGEFEEDS, null, "from-ticdc-api-v1: true").body()).startsWith("[{");
    }

    @Test
    void a_v1_create_is_rewritten_as_the_v2_body_with_its_filter_rules_and_workers() {
        Http.Response r = post(V1_CHANGEFEEDS, "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\","
                + "\"filter_rules\":[\"test.*\"],\"mounter_worker_num\":8,\"force_replicate\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.body()).contains("\"force_replicate\":true,\"ignore_ineligible_table\":false,")
                .contains("\"filter\":{\"rules\":[\"test.*\"]},\"mounter\":{\"worker_num\":8}");
    }

    @Test
    void a_v1_create_without_rules_keeps_the_default_rules_and_zero_workers() {
        Http.Response r = post(V1_CHANGEFEEDS, CF);
        assertThat(r.body()).contains("\"filter\":{\"rules\":[\"*.*\"]},\"mounter\":{\"worker_num\":0}");
    }

    @Test
    void a_v1_create_takes_the_servers_internal_sink_config() {
        Http.Response r = post(V1_CHANGEFEEDS, "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"kafka://k:9092/t?protocol=canal-json\","
                + "\"sink_config\":{\"encoder-concurrency\":4}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        // the v2 binding merges the sent sink over the default one: csv stays, the two fields
        // without omitempty come as null and clear the defaults
        assertThat(r.body()).contains("\"csv\":{\"delimiter\"").contains("\"encoder_concurrency\":4,")
                .contains("\"delete_only_output_handle_key_columns\":null,\"content_compatible\":null");
    }

    @Test
    void a_bad_v1_body_is_a_bind_error() {
        assertBindError(post(V1_CHANGEFEEDS, "{\"filter_rules\":1}"),
                "json: cannot unmarshal number into Go struct field changefeedConfig.filter_rules of type []string");
    }

    private static void assertV1(Http.Response r, String body) {
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
        assertThat(r.body()).isEqualTo(body);
    }
}
