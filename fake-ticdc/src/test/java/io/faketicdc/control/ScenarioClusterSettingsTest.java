package io.faketicdc.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.Credentials;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import io.faketicdc.scenario.Scenario;
import io.faketicdc.scenario.ScenarioException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scenario's {@code "cluster"} section beyond the capture count: client authentication
 * ({@code clientUserRequired}, {@code users}) and the upstream's PD endpoints ({@code pdAddrs}).
 */
class ScenarioClusterSettingsTest {
    private static final String SECURED = "{\n"
            + "  \"name\": \"secured\",\n"
            + "  \"cluster\": {\n"
            + "    \"clientUserRequired\": true,\n"
            + "    \"users\": [{\"name\": \"root\", \"password\": \"secret\"}],\n"
            + "    \"pdAddrs\": [\"http://pd-0.pd:2379\"]\n"
            + "  },\n"
            + "  \"changefeeds\": [{\"id\": \"a\"}]\n"
            + "}";
    private static final String CREATE = "{\"changefeed_id\":\"b\",\"sink_uri\":\"blackhole://\"}";

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_cluster_section_reads_credentials_and_pd_endpoints() {
        Scenario s = Scenario.parse(SECURED, "s.json");
        assertThat(s.credentials()).isEqualTo(new Credentials(true, Map.of("root", "secret")));
        assertThat(s.pdAddrs()).containsExactly("http://pd-0.pd:2379");
        Scenario plain = Scenario.parse("{\"cluster\":{\"captures\":2}}", "p.json");
        assertThat(plain.credentials()).isNull();
        assertThat(plain.pdAddrs()).isEmpty();
    }

    @Test
    void a_fake_created_for_the_scenario_asks_for_its_credentials_and_has_its_pd() {
        try (FakeTiCdc fake = FakeTiCdc.create(Scenario.parse(SECURED, "s.json"), cfg -> { }).start()) {
            assertThat(Http.send(fake.port(), "POST", "/api/v2/changefeeds", CREATE).status()).isEqualTo(401);
            assertThat(Http.send(fake.port(), "POST", "/api/v2/changefeeds", CREATE, basic("root", "secret")).status())
                    .isEqualTo(200);
            assertThat(Http.send(fake.port(), "POST", "/api/v2/tso", "{\"pd_addrs\":[\"pd-0.pd:2379\"]}").status()).isEqualTo(200);
            assertThat(Http.send(fake.port(), "POST", "/api/v2/tso", "{\"pd_addrs\":[\"127.0.0.1:2379\"]}").status()).isEqualTo(500);
        }
    }

    @Test
    void the_callback_may_add_users_but_not_drop_what_the_scenario_needs() {
        try (FakeTiCdc fake = FakeTiCdc.create(Scenario.parse(SECURED, "s.json"), cfg -> cfg.user("ci", "pw")).start()) {
            assertThat(fake.config().credentials().users()).containsOnlyKeys("root", "ci");
        }
        assertThatThrownBy(() -> FakeTiCdc.create(Scenario.parse(SECURED, "s.json"), cfg -> cfg.pdAddrs("http://10.0.0.1:2379")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scenario secured needs PD endpoint http://pd-0.pd:2379; this fake has http://10.0.0.1:2379");
    }

    @Test
    void loading_into_a_running_fake_without_them_is_refused_and_applies_nothing() {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.pdAddrs("http://pd-0.pd:2379")).start()) {
            assertThatThrownBy(() -> fake.load(Scenario.parse(SECURED, "s.json")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("scenario secured needs client-user-required; this fake does not ask for credentials");
            assertThat(fake.changefeeds()).isEmpty();
        }
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.clientUserRequired(true).user("root", "other")
                .pdAddrs("http://pd-0.pd:2379")).start()) {
            assertThatThrownBy(() -> fake.load(Scenario.parse(SECURED, "s.json")))
                    .hasMessage("scenario secured needs user root (with its password); this fake does not have it");
        }
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.clientUserRequired(true).user("root", "secret")
                .pdAddrs("http://127.0.0.1:2379", "http://pd-0.pd:2379")).start()) {
            fake.load(Scenario.parse(SECURED, "s.json"));
            assertThat(fake.changefeeds()).hasSize(1);
        }
    }

    @Test
    void a_user_without_a_password_is_one_clear_line_naming_the_entry() {
        String json = "{\"cluster\": {\n  \"users\": [\n    {\"name\": \"root\", \"password\": \"s\"},\n    {\"name\": \"ci\"}\n  ]\n}}";
        assertThatThrownBy(() -> Scenario.parse(json, "s.json")).isInstanceOf(ScenarioException.class)
                .hasMessage("s.json:4: cluster.users[1]: user ci has no password");
    }

    @Test
    void bad_cluster_entries_are_named_by_section_and_index() {
        assertThatThrownBy(() -> Scenario.parse("{\"cluster\":{\"users\":[{\"password\":\"s\"}]}}", "x"))
                .hasMessage("x:1: cluster.users[0]: a user needs a name");
        assertThatThrownBy(() -> Scenario.parse("{\"cluster\":{\"users\":[{\"name\":\"a\",\"password\":\"s\",\"role\":1}]}}", "x"))
                .hasMessageStartingWith("x:1: cluster.users[0].role: unknown field");
        assertThatThrownBy(() -> Scenario.parse("{\"cluster\":{\"users\":[{\"name\":\"a\",\"password\":\"s\"},"
                + "{\"name\":\"a\",\"password\":\"t\"}]}}", "x"))
                .hasMessage("x:1: cluster.users[1].name: user a is listed twice");
        assertThatThrownBy(() -> Scenario.parse("{\"cluster\":{\"clientUserRequired\":true}}", "x"))
                .hasMessage("x:1: cluster.clientUserRequired: needs at least one user in cluster.users");
        assertThatThrownBy(() -> Scenario.parse("{\"cluster\":{\"clientUserRequired\":\"yes\"}}", "x"))
                .hasMessage("x:1: cluster.clientUserRequired: expected true or false");
        assertThatThrownBy(() -> Scenario.parse("{\"cluster\":{\"pdAddrs\":[\"http://a:1\",\"pd:2379\"]}}", "x"))
                .hasMessage("x:1: cluster.pdAddrs[1]: 'pd:2379' is not an http or https URL (e.g. http://127.0.0.1:2379)");
        assertThatThrownBy(() -> Scenario.parse("{\"cluster\":{\"pdAddrs\":\"http://a:1\"}}", "x"))
                .hasMessage("x:1: cluster.pdAddrs: expected an array");
    }

    @Test
    void a_scenario_loaded_through_the_control_api_is_checked_the_same_way() {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.controlApi(true)).start()) {
            Http.Response r = Http.send(fake.port(), "POST", "/fake/v1/scenario", SECURED, "Content-Type: application/json");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("scenario secured needs PD endpoint http://pd-0.pd:2379");
            assertThat(fake.changefeeds()).isEmpty();
        }
    }
}
