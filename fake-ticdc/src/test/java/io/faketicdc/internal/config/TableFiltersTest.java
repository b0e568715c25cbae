package io.faketicdc.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.Profile;
import io.faketicdc.internal.json.GoStruct;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which upstream tables a changefeed's filter selects (pingcap/tidb pkg/util/table-filter syntax). */
class TableFiltersTest {
    private static final List<String> DATABASES = List.of("test", "", "Ünïcode", "line\nbreak", "a.b", "TEST");
    private static final List<String> TABLES = List.of("t1", "", "x*y", "tab\tle", "t.2", "T1");

    @Test
    void the_default_rule_selects_every_table_whatever_its_name_as_the_compiled_rule_does() {
        boolean[] byDefault = select(List.of("*.*"), false);
        assertThat(byDefault).containsOnly(true);
        // two rules take the compiling path: the same answer for every name
        assertThat(select(List.of("*.*", "*.*"), false)).isEqualTo(byDefault);
        assertThat(select(List.of("*.*", "*.*"), true)).isEqualTo(select(List.of("*.*"), true));
        assertThat(select(List.of(), false)).as("no rules: the default").isEqualTo(byDefault);
    }

    @Test
    void other_rules_are_matched_by_their_patterns() {
        assertThat(select(List.of("test.t1"), false)).containsExactly(true, false, false, false, false, true);
        assertThat(select(List.of("test.t1"), true)).containsExactly(true, false, false, false, false, false);
        assertThat(select(List.of("*.*", "!test.*"), false)).containsExactly(false, true, true, true, true, false);
    }

    private static boolean[] select(List<String> rules, boolean caseSensitive) {
        ApiSchema schema = ApiSchema.of(Profile.MASTER);
        GoStruct config = ReplicaConfigs.toInternal(schema.defaultReplicaConfig(), schema);
        config.set("case_sensitive", caseSensitive);
        config.struct("filter").set("rules", rules);
        return TableFilters.select(config, DATABASES.size(), DATABASES::get, TABLES::get);
    }
}
