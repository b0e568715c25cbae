package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeConfig;
import io.faketicdc.RecordedRequest;
import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import org.junit.jupiter.api.Test;

/**
 * Scripting, faults and the journal on the new architecture's profile: they go by operation
 * name, and the new routes have theirs (docs/fidelity.md lists them).
 */
class NewArchFeaturesTest extends NewArchTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        super.configure(config);
        config.captures(2);
    }

    @Test
    void a_fault_rule_matches_a_new_route_by_its_operation_name() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        fake.faults().add(FaultRule.on("list changefeed tables").respond(Effect.error(503, "CDC:ErrEtcdTryAgain", "busy")));
        Http.Response r = get(CHANGEFEEDS + "/cf1/tables");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.body()).contains("CDC:ErrEtcdTryAgain");
    }

    @Test
    void a_fault_rule_matches_the_v1_layer() {
        fake.faults().add(FaultRule.on("v1 create changefeed").respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "busy")));
        assertThat(post(V1_CHANGEFEEDS, "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}").status()).isEqualTo(500);
        assertThat(fake.changefeed("cf1").exists()).isFalse();
    }

    @Test
    void the_journal_records_operation_and_forwarding_of_the_new_routes() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        sendTo(1, "GET", CHANGEFEEDS + "/cf1", null);
        sendTo(1, "GET", CHANGEFEEDS + "/cf1/get_dispatcher_count", null);
        RecordedRequest forwarded = fake.requests().matching(RecordedRequest.matches("GET", "/api/v2/changefeeds/:changefeed_id"))
                .get(0);
        assertThat(forwarded.operation()).isEqualTo("get changefeed");
        assertThat(forwarded.forwardedTo()).isEqualTo(0);
        RecordedRequest local = fake.requests().last();
        assertThat(local.operation()).isEqualTo("get dispatcher count");
        assertThat(local.forwardedTo()).as("maintainer routes skip the coordinator").isNull();
        sendTo(0, "GET", CHANGEFEEDS, null, "TiCDC-ForwardFrom: node-1", "TiCDC-ForwardTimes: 1");
        assertThat(fake.requests().last().forwardedFrom()).isEqualTo("node-1");
    }

    @Test
    void scripted_errors_show_in_the_new_shapes() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        fake.changefeed("cf1").fail("CDC:ErrSinkURIInvalid", "boom");
        assertThat(fake.changefeed("cf1").state()).isEqualTo(ChangefeedState.FAILED);
        assertThat(get(CHANGEFEEDS + "/cf1").body()).contains("\"state\":\"failed\",\"error\":{\"time\":\"0001-01-01T00:00:00Z\",\"addr\":")
                .doesNotContain("maintainer_addr");
        assertJsonOk(post(CHANGEFEEDS + "/cf1/resume", "{}"), "{}");
    }
}
