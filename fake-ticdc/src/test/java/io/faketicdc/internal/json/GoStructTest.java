package io.faketicdc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.Profile;
import io.faketicdc.internal.config.ApiSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A frozen struct (a changefeed's stored config) is read-only all the way down; its copy is writable. */
class GoStructTest {
    private final ApiSchema schema = ApiSchema.of(Profile.MASTER);

    @Test
    void aFrozenStructRefusesEveryChangeToItOrToAnythingInIt() {
        GoStruct config = schema.defaultReplicaConfig();
        config.struct("filter").set("rules", new ArrayList<>(List.of("*.*")));
        config.struct("sink").set("kafka_config", null);
        GoStruct frozen = config.freeze();

        assertThat(frozen).isSameAs(config);
        assertThat(frozen.frozen()).isTrue();
        assertThatThrownBy(() -> frozen.set("force_replicate", true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> frozen.struct("filter").set(0, null)).isInstanceOf(IllegalStateException.class);
        @SuppressWarnings("unchecked")
        List<Object> rules = (List<Object>) frozen.struct("filter").get("rules");
        assertThatThrownBy(() -> rules.add("db.t")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMapInAFrozenStructIsReadOnlyToo() {
        GoType.Struct type = new GoType.Struct("main.WithMap");
        type.fields(List.of(GoType.Field.of("labels", new GoType.StringMap(GoType.Scalar.STRING))));
        GoStruct struct = new GoStruct(type);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", "v");
        struct.set("labels", map);
        struct.freeze();
        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) struct.get("labels");
        assertThatThrownBy(() -> frozen.put("k2", "v2")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(frozen).containsExactlyEntriesOf(Map.of("k", "v"));
    }

    @Test
    void freezingChangesNeitherEqualityNorTheJson() {
        GoStruct config = schema.defaultReplicaConfig();
        config.struct("filter").set("rules", new ArrayList<>(List.of("db.*")));
        String before = GoMarshal.compact(config, schema.replicaConfig());
        GoStruct same = config.copy();

        config.freeze();

        assertThat(config).isEqualTo(same);
        assertThat(same).isEqualTo(config);
        assertThat(GoMarshal.compact(config, schema.replicaConfig())).isEqualTo(before);
    }

    @Test
    void theCopyOfAFrozenStructIsWritableAllTheWayDownAndLeavesTheFrozenOneAlone() {
        GoStruct frozen = schema.defaultReplicaConfig();
        frozen.struct("filter").set("rules", new ArrayList<>(List.of("*.*")));
        frozen.freeze();

        GoStruct copy = frozen.copy();
        copy.set("force_replicate", true);
        copy.struct("filter").set("ignore_txn_start_ts", List.of(1L));
        @SuppressWarnings("unchecked")
        List<Object> rules = (List<Object>) copy.struct("filter").get("rules");
        rules.add("db.t");

        assertThat(copy.frozen()).isFalse();
        assertThat(copy.struct("filter").frozen()).isFalse();
        assertThat(frozen.struct("filter").get("rules")).isEqualTo(List.of("*.*"));
        assertThat(frozen.get("force_replicate")).isNotEqualTo(true);
    }
}
