package io.faketicdc.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.scenario.Scenario;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A {@code --scenario}'s credentials and PD endpoints hold unless the flags say otherwise, as Main combines them. */
class ScenarioClusterOptionsTest {
    private static final Scenario SECURED = Scenario.parse("{\"name\":\"secured\",\"cluster\":{\"clientUserRequired\":true,"
            + "\"users\":[{\"name\":\"root\",\"password\":\"secret\"}],\"pdAddrs\":[\"http://pd-0.pd:2379\"]}}", "s.json");

    private static FakeConfig created(String... args) {
        Main m = new Main(System.out, System.err);
        new CommandLine(m).parseArgs(args);
        return FakeTiCdc.create(SECURED, b -> Options.configure(m, b)).config();
    }

    @Test
    void without_flags_the_scenarios_settings_apply() {
        FakeConfig c = created();
        assertThat(c.credentials().required()).isTrue();
        assertThat(c.credentials().users()).containsEntry("root", "secret");
        assertThat(c.pdAddrs()).containsExactly("http://pd-0.pd:2379");
    }

    @Test
    void flags_add_users_and_a_pd_list_without_the_scenarios_endpoint_is_an_error_naming_both() {
        assertThat(created("--user", "ci:pw").credentials().users()).containsOnlyKeys("root", "ci");
        assertThatThrownBy(() -> created("--pd-addrs", "http://10.0.0.1:2379"))
                .hasMessage("scenario secured needs PD endpoint http://pd-0.pd:2379; this fake has http://10.0.0.1:2379");
    }
}
