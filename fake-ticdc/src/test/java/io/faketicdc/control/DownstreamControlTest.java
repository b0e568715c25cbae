package io.faketicdc.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.ApiTestBase;
import io.faketicdc.api.Http;
import io.faketicdc.scenario.Scenario;
import io.faketicdc.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/** Downstreams scripted through the control API's steps and in scenario files; bad ones named by field. */
class DownstreamControlTest extends ApiTestBase {
    private static final String CREATE = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"mysql://127.0.0.1:3306/\"}";

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.controlApi(true);
    }

    private Http.Response control(String target, String body) {
        return send("POST", target, body, "Content-Type: application/json");
    }

    @Test
    void a_step_takes_a_downstream_down_for_a_number_of_creates_and_the_state_lists_it() {
        Http.Response r = control("/fake/v1/steps", "{\"downstream\":\"127.0.0.1:3306\",\"kind\":\"DOWN_FOR_CREATES\",\"creates\":1}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(get("/fake/v1/state").body()).contains("\"sinkCheck\" : \"ACCEPT\"")
                .contains("\"downstreamsDown\" : [ \"127.0.0.1:3306\" ]");
        assertThat(post("/api/v2/changefeeds", CREATE).status()).isEqualTo(400);
        assertThat(post("/api/v2/changefeeds", CREATE).status()).isEqualTo(200);
        assertThat(get("/fake/v1/state").body()).contains("\"downstreamsDown\" : [ ]");
    }

    @Test
    void a_step_takes_a_downstream_down_for_clock_time() {
        assertThat(control("/fake/v1/steps", "{\"downstream\":\"mysql://127.0.0.1:3306\",\"kind\":\"DOWN_FOR\",\"duration\":\"5m\"}")
                .status()).isEqualTo(200);
        assertThat(post("/api/v2/changefeeds", CREATE).status()).isEqualTo(400);
        assertThat(control("/fake/v1/clock", "{\"advance\":\"5m\"}").status()).isEqualTo(200);
        assertThat(post("/api/v2/changefeeds", CREATE).status()).isEqualTo(200);
    }

    @Test
    void a_bad_downstream_is_a_400_naming_the_field_and_nothing_of_the_batch_applies() {
        Http.Response r = control("/fake/v1/steps", "[{\"downstream\":\"127.0.0.1:3306\",\"kind\":\"DOWN\"},\n"
                + "{\"downstream\":\"ftp://x:21\",\"kind\":\"DOWN\"}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("request body:2: [1].downstream: unknown sink scheme 'ftp'");
        assertThat(get("/fake/v1/state").body()).contains("\"downstreamsDown\" : [ ]");
        assertThat(control("/fake/v1/steps", "{\"downstream\":\"db host\",\"kind\":\"DOWN\"}").body())
                .contains("downstream: unparsable downstream 'db host'");
        assertThat(control("/fake/v1/steps", "{\"downstream\":\"db:3306\",\"kind\":\"DOWN_FOR_CREATES\"}").body())
                .contains("creates: DOWN_FOR_CREATES needs creates");
        assertThat(control("/fake/v1/steps", "{\"downstream\":\"db:3306\",\"kind\":\"SIDEWAYS\"}").body())
                .contains("kind: unknown value 'SIDEWAYS'");
    }

    @Test
    void a_missing_field_of_a_step_is_named_with_the_line_of_its_step() {
        Http.Response r = control("/fake/v1/steps", "[{\"downstream\":\"127.0.0.1:3306\",\"kind\":\"DOWN\"},\n"
                + "{\"downstream\":\"db:3306\",\"kind\":\"DOWN_FOR\"}]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("request body:2: [1].duration: DOWN_FOR needs a positive duration");
        assertThat(get("/fake/v1/state").body()).contains("\"downstreamsDown\" : [ ]");
    }

    @Test
    void a_scenario_takes_a_downstream_down_and_brings_it_back() {
        String json = "{\"steps\":[{\"downstream\":\"127.0.0.1:3306\",\"kind\":\"DOWN\"},"
                + "{\"after\":\"2m\",\"downstream\":\"127.0.0.1:3306\",\"kind\":\"UP\"}]}";
        try (FakeTiCdc other = FakeTiCdc.create().start()) {
            other.load(Scenario.parse(json, "inline"));
            assertThat(other.downstream("127.0.0.1:3306").isDown()).isTrue();
            other.clock().advance(java.time.Duration.ofMinutes(2));
            assertThat(other.downstream("127.0.0.1:3306").isDown()).isFalse();
        }
    }

    @Test
    void a_scenario_with_a_bad_downstream_names_its_line_and_field() {
        String json = "{\"steps\":[\n{\"downstream\":\"127.0.0.1:3306\",\"kind\":\"DOWN\"},\n"
                + "{\"downstream\":\"gopher://x\",\"kind\":\"DOWN\"}]}";
        assertThatThrownBy(() -> Scenario.parse(json, "s.json")).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("s.json:3: steps[1].downstream: unknown sink scheme 'gopher'");
    }
}
