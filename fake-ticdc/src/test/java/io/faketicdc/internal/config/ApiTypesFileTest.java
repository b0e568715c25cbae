package io.faketicdc.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.Profile;
import io.faketicdc.internal.json.GoType.Duration;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Slice;
import io.faketicdc.internal.json.GoType.StringMap;
import io.faketicdc.internal.json.GoType.Struct;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The api-types.json format, and that every profile's file loads. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiTypesFileTest {
    private static final String SAMPLE = """
            {"durations": ["v2.D"],
             "structs": [
              {"name": "v2.Outer", "fields": [
                ["id", "uint64", false],
                {"embed": "v2.Inner"},
                ["tags", "map[string][]string", true],
                ["next", "*v2.Outer", true],
                ["wait", "*v2.D", true]
              ]},
              {"name": "v2.Inner", "fields": [
                ["addrs", "[]string", true]
              ]}
             ]}""";

    static Map<String, Struct> load(String json, boolean nameEmbedded) {
        return ApiTypesFile.load("test.json", json.getBytes(StandardCharsets.UTF_8), nameEmbedded);
    }

    @Test
    void fields_keep_their_order_types_and_omitempty_and_embedded_fields_are_promoted_in_place() {
        Struct outer = load(SAMPLE, false).get("v2.Outer");
        assertThat(outer.fields()).containsExactly(
                Field.of("id", Scalar.UINT64),
                Field.omit("addrs", new Slice(Scalar.STRING)),
                Field.omit("tags", new StringMap(new Slice(Scalar.STRING))),
                Field.omit("next", new Pointer(outer)),
                Field.omit("wait", new Pointer(new Duration("v2.D"))));
    }

    @Test
    void with_embedded_names_a_promoted_field_remembers_its_struct() {
        assertThat(load(SAMPLE, true).get("v2.Outer").fields().get(1).embeddedIn()).isEqualTo("Inner");
    }

    @Test
    void mistakes_name_the_file_and_the_struct() {
        assertThatThrownBy(() -> load("{\"structs\":[{\"name\":\"v2.A\",\"fields\":[[\"x\",\"v2.Nope\",false]]}]}", false))
                .hasMessage("test.json: v2.A: unknown type v2.Nope");
        assertThatThrownBy(() -> load("{\"structs\":[{\"name\":\"v2.A\",\"fields\":[[\"x\",\"int\"]]}]}", false))
                .hasMessageStartingWith("test.json: v2.A: a field must be [json key, Go type, omitempty]");
        assertThatThrownBy(() -> load("{\"structs\":[{\"name\":\"v2.A\",\"fields\":[[\"x\",\"int\",false],"
                + "[\"x\",\"bool\",true]]}]}", false))
                .hasMessage("test.json: v2.A: has the json key x twice");
        assertThatThrownBy(() -> load("{\"structs\":[{\"name\":\"v2.A\",\"fields\":[{\"embed\":\"v2.A\"}]}]}", false))
                .hasMessage("test.json: v2.A: embeds itself");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void every_profile_has_its_request_types_and_a_default_that_binds(Profile profile) {
        ApiSchema schema = ApiSchema.of(profile);
        assertThat(schema.traits()).isSameAs(ProfileTraits.of(profile));
        assertThat(schema.changefeedConfig().fields()).isNotEmpty();
        assertThat(schema.defaultReplicaConfig().type()).isSameAs(schema.replicaConfig());
    }
}
