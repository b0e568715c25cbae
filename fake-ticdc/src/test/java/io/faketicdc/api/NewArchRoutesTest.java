package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The route set of the new architecture (pingcap/ticdc api/v2/api.go; api/v2/processor.go;
 * api/v2/log.go; api/v2/info.go; api/v2/health.go): what it dropped, what it added, and the
 * routes whose answers changed.
 */
class NewArchRoutesTest extends NewArchTestBase {

    @Test
    void meta_info_and_the_v2_drain_are_gone() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertNoRoute(get(CHANGEFEEDS + "/cf1/meta_info"));
        String capture = fake.cluster().captures().get(0).id();
        assertNoRoute(post("/api/v2/captures/" + capture + "/drain", null));
    }

    @Test
    void processors_are_stubs() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(get("/api/v2/processors"), "{\"total\":0,\"items\":[]}");
        assertJsonOk(get("/api/v2/processors/cf1/nobody"), "{\"table_ids\":null}");
    }

    @Test
    void the_root_status_is_the_v2_server_status() {
        Http.Response r = get("/status");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(get("/api/v2/status").body());
        assertThat(r.body()).contains("\"cluster_id\": \"default\"").contains("\"liveness\": 0");
    }

    @Test
    void debug_info_dumps_the_etcd_keys_as_text() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        Http.Response r = get("/debug/info");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo(TEXT);
        assertThat(r.body()).startsWith("\n\n*** etcd info ***:\n\n/tidb/cdc/default/__cdc_meta__/capture/")
                .contains("/tidb/cdc/default/default/changefeed/info/cf1\n\t{");
    }

    @Test
    void health_is_ok_while_the_coordinator_is_alive() {
        assertJsonOk(get("/api/v2/health"), "{}");
    }

    @Test
    void health_is_500_while_the_coordinator_is_not_alive() {
        fake.cluster().unhealthy(true);
        assertApiError(get("/api/v2/health"), 500, "CDC:ErrClusterIsUnhealthy", "[CDC:ErrClusterIsUnhealthy]TiCDC cluster is unhealthy");
        fake.cluster().unhealthy(false);
        assertJsonOk(get("/api/v2/health"), "{}");
    }

    @Test
    void a_coordinator_still_starting_answers_500_with_an_empty_code_and_no_503() {
        fake.cluster().ready(0, false);
        assertError(get(CHANGEFEEDS), 500, "", "coordinator is not fully initialized, wait a moment");
        assertThat(get("/api/v2/status").status()).isEqualTo(200);
        assertThat(get("/api/v2/processors").status()).isEqualTo(200);
    }

    @Test
    void delete_of_an_unknown_changefeed_answers_null() {
        assertJsonOk(delete(CHANGEFEEDS + "/nope"), "null");
    }

    @Test
    void resume_refuses_a_changefeed_that_is_not_stopped_failed_or_finished() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertApiError(post(CHANGEFEEDS + "/cf1/resume", "{}"), 400, "CDC:ErrChangefeedUpdateRefused",
                "[CDC:ErrChangefeedUpdateRefused]changefeed update error: can only resume changefeed when it is "
                        + "stopped, failed, or finished, but current state is normal");
    }

    @Test
    void resume_takes_an_empty_body() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        pause("cf1");
        assertJsonOk(post(CHANGEFEEDS + "/cf1/resume", null), "{}");
        assertThat(get(CHANGEFEEDS + "/cf1").body()).contains("\"state\":\"normal\"");
    }

    @Test
    void a_bad_resume_body_is_a_json_400() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        pause("cf1");
        Http.Response r = post(CHANGEFEEDS + "/cf1/resume", "{");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
        assertThat(r.body()).contains("[CDC:ErrAPIInvalidParam]invalid api parameter: ");
    }

    @Test
    void log_redaction_only_gets_stricter() {
        assertJsonOk(post("/api/v2/log/redact", "{\"redact_info_log\":\"marker\"}"),
                "{\"previous_mode\":\"OFF\",\"current_mode\":\"MARKER\"}");
        assertJsonOk(post("/api/v2/log/redact", "{\"redact_info_log\":\" MARK \"}"),
                "{\"previous_mode\":\"MARKER\",\"current_mode\":\"MARKER\"}");
        assertApiError(post("/api/v2/log/redact", "{\"redact_info_log\":\"off\"}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]cannot transition from 'MARKER' to 'off': only transitions to more restrictive"
                        + " modes are allowed (OFF\u2192MARKER\u2192ON)");
        assertJsonOk(post("/api/v2/log/redact", "{\"redact_info_log\":\"true\"}"),
                "{\"previous_mode\":\"MARKER\",\"current_mode\":\"ON\"}");
    }

    @Test
    void log_redaction_needs_a_known_mode() {
        assertApiError(post("/api/v2/log/redact", "{}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]missing required field 'redact_info_log': must be 'off', 'on', or 'marker'");
        assertApiError(post("/api/v2/log/redact", "{\"redact_info_log\":\"loud\"}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid redact mode 'loud': must be 'off', 'on', or 'marker'");
        Http.Response r = post("/api/v2/log/redact", "[");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("[CDC:ErrAPIInvalidParam]invalid redact mode: ");
    }

    @Test
    void get_all_tables_lists_the_selected_and_every_upstream_table() {
        Http.Response r = post("/api/v2/get_all_tables", "{\"replica_config\":{\"filter\":{\"rules\":[\"test.t1\"]}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"eligible_tables\":[{\"database_name\":\"test\",\"table_name\":\"t1\",")
                .contains("],\"all_tables\":[{\"database_name\":");
    }
}
