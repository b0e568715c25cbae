package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code pd_addrs} on every route that reads it: one naming none of the fake's PD endpoints gets
 * the real answer for an unreachable PD at once; one naming the fake's own PD (scheme or not) is
 * the fake's upstream; none sent is the default upstream (pingcap/tiflow cdc/api/v2/tso.go,
 * unsafe.go, changefeed.go, api_helpers.go; cdc/kv/utils.go; pkg/types/urls.go).
 */
class UpstreamPdTest extends RouteTestBase {
    static final String FOREIGN = "\"pd_addrs\":[\"http://10.0.0.9:2379\"]";
    static final String OWN = "\"pd_addrs\":[\"http://10.0.0.9:2379\",\"http://127.0.0.1:2379\"]";
    static final String OWN_NO_SCHEME = "\"pd_addrs\":[\"127.0.0.1:2379\"]";
    static final String PD_CLIENT = "[CDC:ErrAPIGetPDClientFailed]failed to get PDClient to connect PD, please recheck: "
            + "[pd] failed to get cluster id";
    static final String TWICE = "[CDC:ErrAPIGetPDClientFailed]failed to get PDClient to connect PD, please recheck: " + PD_CLIENT;
    static final String INTERNAL = "[CDC:ErrInternalServerError]internal server error: " + PD_CLIENT;
    static final String NEW_STORE = "[CDC:ErrNewStore]new store failed: [pd] failed to get cluster id";

    // ------------------------------------------------------------------ tso

    @Test
    void tso_with_a_foreign_pd_is_the_pd_client_error_as_an_internal_error() {
        assertApiError(post("/api/v2/tso", "{" + FOREIGN + "}"), 500, "CDC:ErrInternalServerError", INTERNAL);
    }

    @Test
    void tso_with_the_fakes_own_pd_answers_with_or_without_a_scheme() {
        assertThat(post("/api/v2/tso", "{" + OWN + "}").status()).isEqualTo(200);
        assertThat(post("/api/v2/tso", "{" + OWN_NO_SCHEME + "}").status()).isEqualTo(200);
        assertThat(post("/api/v2/tso", "{\"pd_addrs\":[\"https://127.0.0.1:2379/\"]}").status()).isEqualTo(200);
        assertThat(post("/api/v2/tso", "{\"pd_addrs\":[]}").status()).isEqualTo(200);
    }

    @Test
    void tso_compares_hosts_literally_without_name_resolution() {
        assertApiError(post("/api/v2/tso", "{\"pd_addrs\":[\"localhost:2379\"]}"), 500, "CDC:ErrInternalServerError", INTERNAL);
        assertApiError(post("/api/v2/tso", "{\"pd_addrs\":[\"127.0.0.1:2380\"]}"), 500, "CDC:ErrInternalServerError", INTERNAL);
    }

    @Test
    void tso_with_a_known_upstream_id_ignores_pd_addrs() {
        assertThat(post("/api/v2/tso", "{\"id\":" + UPSTREAM_ID + "," + FOREIGN + "}").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ create

    @Test
    void create_with_a_foreign_pd_is_the_doubly_wrapped_pd_client_error_and_creates_nothing() {
        assertApiError(post(CHANGEFEEDS, "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"," + FOREIGN + "}"),
                500, "CDC:ErrAPIGetPDClientFailed", TWICE);
        assertNotExists(get(CHANGEFEEDS + "/cf"), "default/cf");
    }

    @Test
    void create_checks_the_pd_before_the_sink_uri() {
        assertApiError(post(CHANGEFEEDS, "{" + FOREIGN + "}"), 500, "CDC:ErrAPIGetPDClientFailed", TWICE);
    }

    @Test
    void create_with_the_fakes_own_pd_records_it_as_the_upstream() {
        createWith("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"," + OWN + "}");
        assertThat(get("/api/v2/unsafe/metadata").body())
                .contains("\\\"pd-endpoints\\\":\\\"http://10.0.0.9:2379,http://127.0.0.1:2379\\\"");
    }

    @Test
    void create_without_pd_addrs_shows_the_fakes_endpoints_as_the_upstream() {
        createBlackhole("cf");
        assertThat(get("/api/v2/unsafe/metadata").body()).contains("\\\"pd-endpoints\\\":\\\"http://127.0.0.1:2379\\\"");
    }

    @Test
    void create_with_the_own_pd_without_a_scheme_fails_at_the_store() {
        assertApiError(post(CHANGEFEEDS, "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"," + OWN_NO_SCHEME + "}"),
                500, "CDC:ErrNewStore", "[CDC:ErrNewStore]new store failed: [CDC:ErrURLFormatInvalid]url format is invalid: "
                        + "parse \"127.0.0.1:2379\": first path segment in URL cannot contain colon");
    }

    // ------------------------------------------------------------------ update

    @Test
    void update_with_a_foreign_pd_is_the_pd_client_error() {
        createBlackhole("cf");
        pause("cf");
        assertApiError(put(CHANGEFEEDS + "/cf", "{\"target_ts\":" + (START_TSO + 100) + "," + FOREIGN + "}"),
                500, "CDC:ErrAPIGetPDClientFailed", PD_CLIENT);
    }

    @Test
    void update_checks_the_state_before_the_pd() {
        createBlackhole("cf");
        assertApiError(put(CHANGEFEEDS + "/cf", "{" + FOREIGN + "}"), 400, "CDC:ErrChangefeedUpdateRefused",
                "[CDC:ErrChangefeedUpdateRefused]changefeed update error: can only update changefeed config when it is stopped or failed");
    }

    @Test
    void update_with_the_fakes_own_pd_is_accepted_and_recorded() {
        createBlackhole("cf");
        pause("cf");
        assertThat(put(CHANGEFEEDS + "/cf", "{\"pd_addrs\":[\"http://127.0.0.1:2379\"]}").status()).isEqualTo(200);
        assertThat(get("/api/v2/unsafe/metadata").body()).contains("\\\"pd-endpoints\\\":\\\"http://127.0.0.1:2379\\\"");
        assertThat(put(CHANGEFEEDS + "/cf", "{\"target_ts\":" + (START_TSO + 100) + "}").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ resume

    @Test
    void resume_with_a_foreign_pd_is_the_doubly_wrapped_pd_client_error() {
        createBlackhole("cf");
        pause("cf");
        assertApiError(post(CHANGEFEEDS + "/cf/resume", "{" + FOREIGN + "}"), 500, "CDC:ErrAPIGetPDClientFailed", TWICE);
        assertThat(get(CHANGEFEEDS + "/cf").body()).contains("\"state\":\"stopped\"");
    }

    @Test
    void resume_with_the_fakes_own_pd_or_none_resumes() {
        createBlackhole("a");
        pause("a");
        assertJsonOk(post(CHANGEFEEDS + "/a/resume", "{" + OWN_NO_SCHEME + "}"), "{}");
        createBlackhole("b");
        pause("b");
        assertJsonOk(post(CHANGEFEEDS + "/b/resume", "{}"), "{}");
    }

    @Test
    void resume_of_an_unknown_changefeed_is_not_exists_before_the_pd() {
        assertNotExists(post(CHANGEFEEDS + "/nope/resume", "{" + FOREIGN + "}"), "default/nope");
    }

    // ------------------------------------------------------------------ verify_table

    @Test
    void verify_table_with_a_foreign_pd_is_the_store_error() {
        assertApiError(post("/api/v2/verify_table", "{" + FOREIGN + "}"), 500, "CDC:ErrNewStore", NEW_STORE);
    }

    @Test
    void verify_table_checks_the_urls_as_the_store_does() {
        assertApiError(post("/api/v2/verify_table", "{\"pd_addrs\":[\"localhost:2379\"]}"), 500, "CDC:ErrURLFormatInvalid",
                "[CDC:ErrURLFormatInvalid]url format is invalid: URL scheme must be http, https, unix, or unixs: localhost:2379");
        assertApiError(post("/api/v2/verify_table", "{\"pd_addrs\":[\"http://127.0.0.1\"]}"), 500, "CDC:ErrURLFormatInvalid",
                "[CDC:ErrURLFormatInvalid]url format is invalid: URL address does not have the form \"host:port\": http://127.0.0.1");
        assertApiError(post("/api/v2/verify_table", "{\"pd_addrs\":[\"http://127.0.0.1:2379/pd\"]}"), 500, "CDC:ErrURLFormatInvalid",
                "[CDC:ErrURLFormatInvalid]url format is invalid: URL must not contain a path: http://127.0.0.1:2379/pd");
    }

    @Test
    void verify_table_with_the_fakes_own_pd_lists_the_tables() {
        assertThat(post("/api/v2/verify_table", "{" + OWN + "}").body()).startsWith("{\"eligible_tables\":[");
    }

    // ------------------------------------------------------------------ unsafe

    @Test
    void resolve_lock_with_a_foreign_pd_is_the_store_error() {
        assertApiError(post("/api/v2/unsafe/resolve_lock", "{\"region_id\":7,\"ts\":" + START_TSO + "," + FOREIGN + "}"),
                500, "CDC:ErrNewStore", NEW_STORE);
        assertJsonOk(post("/api/v2/unsafe/resolve_lock", "{\"region_id\":7,\"ts\":" + START_TSO + "," + OWN + "}"), "{}");
    }

    @Test
    void resolve_lock_checks_region_and_ts_before_the_pd() {
        assertApiError(post("/api/v2/unsafe/resolve_lock", "{" + FOREIGN + "}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid resolve_lock request: region_id and ts must be non-zero");
    }

    @Test
    void deleting_the_service_gc_safepoint_with_a_foreign_pd_is_an_internal_error() {
        assertApiError(send("DELETE", "/api/v2/unsafe/service_gc_safepoint", "{" + FOREIGN + "}"),
                500, "CDC:ErrInternalServerError", INTERNAL);
        assertJsonOk(send("DELETE", "/api/v2/unsafe/service_gc_safepoint", "{" + OWN + "}"), "{}");
    }

    // ------------------------------------------------------------------ reads

    @Test
    void synced_with_a_foreign_pd_is_not_synced_at_the_epoch_with_the_pd_error() {
        createBlackhole("cf");
        Http.Response r = send("GET", CHANGEFEEDS + "/cf/synced", "{" + FOREIGN + "}");
        assertJsonOk(r, "{\"synced\":false,\"sink_checkpoint_ts\":\"" + START_TIME + "\",\"puller_resolved_ts\":\""
                + START_TIME + "\",\"last_synced_ts\":\"" + START_TIME + "\",\"now_ts\":\"1970-01-01 00:00:00.000\",\"info\":\""
                + PD_CLIENT + ". You should check the pd status first. If pd status is normal, means we don't finish sync data. "
                + "If pd is offline, please check whether we satisfy the condition that the time difference from lastSyncedTs "
                + "to the current time from the time zone of pd is greater than 300 secs. If it's satisfied, means the data "
                + "syncing is totally finished\"}");
        assertThat(send("GET", CHANGEFEEDS + "/cf/synced", "{" + OWN + "}").body())
                .contains("\"info\":\"The data syncing is not finished, please wait\"");
    }

    @Test
    void other_reads_ignore_pd_addrs() {
        createBlackhole("cf");
        assertThat(send("GET", CHANGEFEEDS, "{" + FOREIGN + "}").status()).isEqualTo(200);
        assertThat(send("GET", CHANGEFEEDS + "/cf", "{" + FOREIGN + "}").status()).isEqualTo(200);
        assertThat(send("GET", CHANGEFEEDS + "/cf/status", "{" + FOREIGN + "}").status()).isEqualTo(200);
    }

    @Test
    void v1_routes_do_not_read_pd_addrs() {
        assertAccepted(post(V1_CHANGEFEEDS, "{\"changefeed_id\":\"v1\",\"sink_uri\":\"blackhole://\"," + FOREIGN + "}"));
        assertAccepted(post(V1_CHANGEFEEDS + "/v1/pause", "{" + FOREIGN + "}"));
        assertAccepted(post(V1_CHANGEFEEDS + "/v1/resume", "{" + FOREIGN + "}"));
    }

    // ------------------------------------------------------------------ configuration

    @Test
    void the_default_pd_endpoint_is_the_real_servers_default() {
        assertThat(fake.config().pdAddrs()).containsExactly("http://127.0.0.1:2379");
        assertThat(FakeConfig.builder().pdAddrs().build().pdAddrs()).containsExactly(FakeConfig.DEFAULT_PD_ADDR);
    }

    @Test
    void a_pd_endpoint_that_is_not_http_host_port_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> FakeConfig.builder().pdAddrs("127.0.0.1:2379").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pdAddrs: '127.0.0.1:2379' is not an http or https URL (e.g. http://127.0.0.1:2379)");
        assertThatThrownBy(() -> FakeConfig.builder().pdAddrs("http://pd").build())
                .hasMessage("pdAddrs: 'http://pd' needs a host and a port (e.g. http://127.0.0.1:2379)");
        assertThatThrownBy(() -> FakeConfig.builder().pdAddrs("http://pd:2379/x").build())
                .hasMessage("pdAddrs: 'http://pd:2379/x' must be only scheme, host and port (e.g. http://127.0.0.1:2379)");
        assertThatThrownBy(() -> FakeConfig.builder().pdAddrs("http://pd:2379", null).build())
                .hasMessage("pdAddrs: an endpoint is null");
        assertThatThrownBy(() -> FakeConfig.builder().pdAddrs("http://a b:1").build())
                .hasMessage("pdAddrs: 'http://a b:1' is not an http or https URL (e.g. http://127.0.0.1:2379)");
    }

    /** A fake with other PD endpoints: the default one is foreign then. */
    @Nested
    class ConfiguredEndpoints extends RouteTestBase {
        @Override
        protected void configure(FakeConfig.Builder config) {
            config.pdAddrs("http://pd-0.pd:2379", "http://10.1.2.3:2379");
        }

        @Test
        void any_configured_endpoint_is_the_fakes_own_and_the_default_is_foreign() {
            assertThat(post("/api/v2/tso", "{\"pd_addrs\":[\"PD-0.pd:2379\"]}").status()).isEqualTo(200);
            assertThat(post("/api/v2/tso", "{\"pd_addrs\":[\"http://10.1.2.3:2379\"]}").status()).isEqualTo(200);
            assertApiError(post("/api/v2/tso", "{\"pd_addrs\":[\"http://127.0.0.1:2379\"]}"), 500, "CDC:ErrInternalServerError", INTERNAL);
            createBlackhole("cf");
            assertThat(get("/api/v2/unsafe/metadata").body())
                    .contains("\\\"pd-endpoints\\\":\\\"http://pd-0.pd:2379,http://10.1.2.3:2379\\\"");
        }
    }

    /** Where v7.3 differs (pingcap/tiflow v7.3.0 cdc/api/v2/changefeed.go, unsafe.go). */
    @Nested
    class V73 extends RouteTestBase {
        @Override
        protected void configure(FakeConfig.Builder config) {
            config.profile(Profile.V7_3);
        }

        @Test
        void resume_with_a_foreign_pd_is_an_invalid_parameter() {
            createBlackhole("cf");
            pause("cf");
            assertApiError(post(CHANGEFEEDS + "/cf/resume", "{" + FOREIGN + "}"), 400, "CDC:ErrAPIInvalidParam",
                    "[CDC:ErrAPIInvalidParam]invalid api parameter: " + PD_CLIENT);
        }

        @Test
        void deleting_the_service_gc_safepoint_with_a_foreign_pd_answers_200_with_the_error_after_the_empty_object() {
            Http.Response r = send("DELETE", "/api/v2/unsafe/service_gc_safepoint", "{" + FOREIGN + "}");
            assertJsonOk(r, "{}" + errorBody(INTERNAL, "CDC:ErrInternalServerError"));
            assertJsonOk(send("DELETE", "/api/v2/unsafe/service_gc_safepoint", "{\"id\":5}"), "{}" + errorBody(
                    "[CDC:ErrUpstreamNotFound]upstream not found, cluster-id: 5", "CDC:ErrUpstreamNotFound"));
            assertJsonOk(send("DELETE", "/api/v2/unsafe/service_gc_safepoint", "{" + OWN + "}"), "{}");
        }

        @Test
        void the_other_routes_answer_as_on_master() {
            assertApiError(post("/api/v2/tso", "{" + FOREIGN + "}"), 500, "CDC:ErrInternalServerError", INTERNAL);
            assertApiError(post(CHANGEFEEDS, "{\"sink_uri\":\"blackhole://\"," + FOREIGN + "}"), 500,
                    "CDC:ErrAPIGetPDClientFailed", TWICE);
            assertApiError(post("/api/v2/verify_table", "{" + FOREIGN + "}"), 500, "CDC:ErrNewStore", NEW_STORE);
            assertApiError(post("/api/v2/unsafe/resolve_lock", "{" + FOREIGN + "}"), 500, "CDC:ErrNewStore", NEW_STORE);
            createBlackhole("cf");
            pause("cf");
            assertApiError(put(CHANGEFEEDS + "/cf", "{" + FOREIGN + "}"), 500, "CDC:ErrAPIGetPDClientFailed", PD_CLIENT);
            assertThat(post("/api/v2/tso", "{" + OWN + "}").status()).isEqualTo(200);
        }
    }
}
