package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The changefeed routes on the new architecture (pingcap/ticdc api/v2/changefeed.go;
 * api/v2/model.go; pkg/api/util.go): keyspace for namespace, the new ChangeFeedInfo keys, the
 * list's errors and the create checks that differ from tiflow.
 */
class NewArchChangefeedTest extends NewArchTestBase {

    @Test
    void a_create_answers_with_id_before_keyspace_a_gid_and_no_maintainer_yet() {
        Http.Response r = create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(r, info("cf1", "blackhole:", START_TSO, "normal", gidOf(r.body()), null));
    }

    @Test
    void a_get_names_the_maintainer_and_keeps_the_gid_of_the_create() {
        String gid = gidOf(create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}").body());
        assertJsonOk(get(CHANGEFEEDS + "/cf1"), info("cf1", "blackhole:", START_TSO, "normal", gid, coordinatorAddress()));
    }

    @Test
    void a_stopped_changefeed_has_no_maintainer_and_its_resolved_ts_is_the_checkpoint() {
        String gid = gidOf(create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}").body());
        pause("cf1");
        assertJsonOk(get(CHANGEFEEDS + "/cf1"), info("cf1", "blackhole:", START_TSO, "stopped", gid, null));
    }

    @Test
    void the_keyspace_query_parameter_and_the_body_field_are_ignored_by_the_classic_kernel() {
        create("{\"keyspace\":\"ks1\",\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertThat(get(CHANGEFEEDS + "/cf1?keyspace=ks1").status()).isEqualTo(200);
        assertThat(get(CHANGEFEEDS + "/cf1?namespace=other").status()).isEqualTo(200);
        assertJsonOk(get(CHANGEFEEDS + "?keyspace=elsewhere"),
                "{\"total\":1,\"items\":[" + listItem("cf1", "normal", START_TSO, "null") + "]}");
    }

    @Test
    void a_duplicate_create_is_a_400() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertApiError(post(CHANGEFEEDS, "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}"), 400,
                "CDC:ErrChangeFeedAlreadyExists", "[CDC:ErrChangeFeedAlreadyExists]changefeed already exists, cf1");
    }

    @Test
    void a_duplicate_is_refused_before_an_empty_sink_uri() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertApiError(post(CHANGEFEEDS, "{\"changefeed_id\":\"cf1\"}"), 400,
                "CDC:ErrChangeFeedAlreadyExists", "[CDC:ErrChangeFeedAlreadyExists]changefeed already exists, cf1");
    }

    @Test
    void an_invalid_id_is_refused_with_the_pattern_it_must_match() {
        String why = ", [CDC:ErrInvalidChangefeedID]bad changefeed id, please match the pattern "
                + "\"^[a-zA-Z0-9]+(\\-[a-zA-Z0-9]+)*$\", the length should no more than 128, eg, \"simple-changefeed-task\"";
        assertApiError(post(CHANGEFEEDS, "{\"changefeed_id\":\"bad_id\"}"), 400,
                "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id" + why);
        assertApiError(get(CHANGEFEEDS + "/bad_id"), 400,
                "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_id" + why);
    }

    @Test
    void the_list_names_the_keyspace_and_shows_the_error_of_a_stopped_changefeed_too() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        fake.changefeed("cf1").error("CDC:ErrMySQLTxnError", "boom");
        pause("cf1");
        String body = get(CHANGEFEEDS).body();
        assertThat(body).startsWith("{\"total\":1,\"items\":[{\"upstream_id\":" + UPSTREAM_ID
                + ",\"id\":\"cf1\",\"keyspace\":\"default\",\"state\":\"stopped\"");
        assertThat(body).contains("\"error\":{\"time\":").contains("\"code\":\"CDC:ErrMySQLTxnError\",\"message\":\"boom\"}");
    }

    @Test
    void a_config_the_checks_refuse_is_wrapped_in_invalid_replica_config() {
        assertApiError(post(CHANGEFEEDS, "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\","
                + "\"replica_config\":{\"changefeed_error_stuck_duration\":\"1m\"}}"), 500, "CDC:ErrInvalidReplicaConfig",
                "[CDC:ErrInvalidReplicaConfig]invalid replica config, %s: [CDC:ErrInvalidReplicaConfig]invalid replica config, "
                        + "The ChangefeedErrorStuckDuration:60.000000 must be larger than 1800.000000 Seconds");
    }

    @Test
    void a_wrapped_cause_with_a_400_code_keeps_the_400() {
        Http.Response r = post(CHANGEFEEDS, "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"mysql://127.0.0.1:3306/\","
                + "\"replica_config\":{\"sink\":{\"transaction_atomicity\":\"bogus\"}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"error_msg\": \"[CDC:ErrInvalidReplicaConfig]invalid replica config, %s: [CDC:ErrSinkURIInvalid]")
                .contains("\"error_code\": \"CDC:ErrInvalidReplicaConfig\"");
    }
}
