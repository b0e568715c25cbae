package io.faketicdc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.Profile;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.json.GoType.Duration;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Slice;
import io.faketicdc.internal.json.GoType.StringMap;
import io.faketicdc.internal.json.GoType.Struct;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's Decode into typed values: matching, merging, null, and UnmarshalTypeError texts. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoBinderTest {
    static final Duration JSON_DURATION = new Duration("main.JSONDuration");
    static final Struct INNER = new Struct("main.Inner");
    static final Struct DEEP = new Struct("main.Deep");
    static final Struct OUTER = new Struct("main.Outer");

    static {
        DEEP.fields(List.of(Field.of("quote", Scalar.STRING)));
        INNER.fields(List.of(
                Field.of("name", Scalar.STRING),
                Field.omit("count", Scalar.INT),
                Field.of("tags", new Slice(Scalar.STRING)),
                Field.of("deep", new Pointer(DEEP))));
        OUTER.fields(List.of(
                Field.of("id", Scalar.UINT64),
                Field.of("small", Scalar.INT16),
                Field.of("mid", Scalar.INT32),
                Field.of("big", Scalar.INT64),
                Field.of("u32", Scalar.UINT32),
                Field.of("flag", Scalar.BOOL),
                Field.of("ratio", Scalar.FLOAT64),
                Field.of("text", Scalar.STRING),
                Field.of("ptr", new Pointer(Scalar.BOOL)),
                Field.of("inner", new Pointer(INNER)),
                Field.of("value", INNER),
                Field.of("items", new Slice(new Pointer(INNER))),
                Field.of("values", new Slice(INNER)),
                Field.of("labels", new StringMap(Scalar.STRING)),
                Field.of("counts", new StringMap(Scalar.INT)),
                Field.of("dur", new Pointer(JSON_DURATION)),
                Field.of("plain_dur", JSON_DURATION),
                Field.of("Mode", Scalar.STRING),
                Field.of("mode", Scalar.STRING),
                Field.omit("pd_addrs", new Slice(Scalar.STRING)).in("PDConfig"),
                Field.of("ca_path", Scalar.STRING).in("PDConfig")));
    }

    static JsonValue json(String s) throws GoJsonSyntaxException {
        return GoJsonReader.read(s.getBytes(StandardCharsets.UTF_8));
    }

    static GoStruct decode(String body) throws GoJsonSyntaxException {
        return (GoStruct) GoBinder.decode(json(body), OUTER, OUTER.zero());
    }

    static GoStruct decodeInto(String body, GoStruct target) throws GoJsonSyntaxException {
        return (GoStruct) GoBinder.decode(json(body), target.type(), target);
    }

    static String errorOf(String body, Struct type, Object target) {
        try {
            GoBinder.decode(json(body), type, target);
        } catch (GoJsonSyntaxException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a decode error for " + body);
    }

    static String errorOf(String body) {
        return errorOf(body, OUTER, OUTER.zero());
    }

    @Nested
    class Key_matching {
        @Test
        void keys_match_field_names_ignoring_case() throws Exception {
            GoStruct s = decode("{\"TEXT\":\"a\",\"Flag\":true,\"iD\":7}");
            assertThat(s.string("text")).isEqualTo("a");
            assertThat(s.bool("flag")).isTrue();
            assertThat(s.number("id")).isEqualTo(7L);
        }

        @Test
        void an_exact_match_wins_over_an_earlier_case_insensitive_one() throws Exception {
            GoStruct s = decode("{\"mode\":\"lower\"}");
            assertThat(s.string("mode")).isEqualTo("lower");
            assertThat(s.string("Mode")).isEmpty();
        }

        @Test
        void without_an_exact_match_the_first_declared_field_that_folds_equal_wins() throws Exception {
            GoStruct s = decode("{\"MODE\":\"upper\"}");
            assertThat(s.string("Mode")).isEqualTo("upper");
            assertThat(s.string("mode")).isEmpty();
        }

        @Test
        void Unicode_simple_folding_lets_the_long_s_and_the_Kelvin_sign_match_ASCII_letters() throws Exception {
            // encoding/json folds names with unicode.SimpleFold: U+017F folds to 's', U+212A to 'k'
            GoStruct s = decode("{\"\u017fmall\":3,\"labels\":{},\"\u212aey\":1}");
            assertThat(s.number("small")).isEqualTo(3L);
        }

        @Test
        void unknown_keys_are_ignored_whatever_their_value() throws Exception {
            GoStruct s = decode("{\"nope\":{\"x\":[1,2,{}]},\"text\":\"kept\",\"also_nope\":null}");
            assertThat(s.string("text")).isEqualTo("kept");
        }

        @Test
        void with_duplicate_keys_the_last_scalar_wins() throws Exception {
            assertThat(decode("{\"text\":\"a\",\"TEXT\":\"b\"}").string("text")).isEqualTo("b");
        }

        @Test
        void with_duplicate_object_keys_the_objects_merge_into_one_struct() throws Exception {
            GoStruct s = decode("{\"inner\":{\"name\":\"n\"},\"inner\":{\"count\":2}}");
            assertThat(s.struct("inner").string("name")).isEqualTo("n");
            assertThat(s.struct("inner").number("count")).isEqualTo(2L);
        }
    }

    @Nested
    class Null {
        @Test
        void null_clears_pointers_slices_and_maps() throws Exception {
            GoStruct target = decode("{\"ptr\":true,\"inner\":{},\"items\":[{}],\"labels\":{\"a\":\"b\"},\"dur\":5}");
            decodeInto("{\"ptr\":null,\"inner\":null,\"items\":null,\"labels\":null,\"dur\":null}", target);
            assertThat(target.get("ptr")).isNull();
            assertThat(target.get("inner")).isNull();
            assertThat(target.get("items")).isNull();
            assertThat(target.get("labels")).isNull();
            assertThat(target.get("dur")).isNull();
        }

        @Test
        void null_leaves_scalars_and_structs_untouched() throws Exception {
            GoStruct target = decode("{\"id\":9,\"flag\":true,\"text\":\"t\",\"ratio\":1.5,\"value\":{\"name\":\"v\"}}");
            decodeInto("{\"id\":null,\"flag\":null,\"text\":null,\"ratio\":null,\"value\":null}", target);
            assertThat(target.number("id")).isEqualTo(9L);
            assertThat(target.bool("flag")).isTrue();
            assertThat(target.string("text")).isEqualTo("t");
            assertThat(target.get("ratio")).isEqualTo(1.5d);
            assertThat(target.struct("value").string("name")).isEqualTo("v");
        }

        @Test
        void null_array_elements_keep_the_element_already_there() throws Exception {
            GoStruct target = decode("{\"inner\":{\"tags\":[\"a\",\"b\"]}}");
            decodeInto("{\"inner\":{\"tags\":[null,\"c\",null]}}", target);
            assertThat(target.struct("inner").get("tags")).isEqualTo(List.of("a", "c", ""));
        }

        @Test
        void null_inside_a_slice_of_pointers_makes_a_nil_element() throws Exception {
            GoStruct s = decode("{\"items\":[null,{\"name\":\"x\"}]}");
            List<?> items = (List<?>) s.get("items");
            assertThat(items).hasSize(2);
            assertThat(items.get(0)).isNull();
        }

        @Test
        void null_for_a_non_pointer_JSONDuration_reaches_UnmarshalJSON_and_fails() {
            assertThat(errorOf("{\"plain_dur\":null}")).isEqualTo("invalid duration");
        }
    }

    @Nested
    class Merging_into_an_existing_value {
        @Test
        void an_object_fills_only_the_keys_it_names() throws Exception {
            GoStruct target = decode("{\"inner\":{\"name\":\"keep\",\"count\":1},\"text\":\"t\"}");
            Object innerBefore = target.get("inner");
            decodeInto("{\"inner\":{\"count\":2}}", target);
            assertThat(target.get("inner")).isSameAs(innerBefore);
            assertThat(target.struct("inner").string("name")).isEqualTo("keep");
            assertThat(target.struct("inner").number("count")).isEqualTo(2L);
            assertThat(target.string("text")).isEqualTo("t");
        }

        @Test
        void an_array_replaces_the_slice_length_but_decodes_into_the_existing_elements() throws Exception {
            GoStruct target = decode("{\"items\":[{\"name\":\"a\",\"count\":1},{\"name\":\"b\"}]}");
            decodeInto("{\"items\":[{\"count\":5}]}", target);
            List<?> items = (List<?>) target.get("items");
            assertThat(items).hasSize(1);
            GoStruct first = (GoStruct) items.get(0);
            assertThat(first.string("name")).isEqualTo("a");
            assertThat(first.number("count")).isEqualTo(5L);
        }

        @Test
        void an_array_of_struct_values_also_merges_element_by_element() throws Exception {
            GoStruct target = decode("{\"values\":[{\"name\":\"a\"}]}");
            decodeInto("{\"values\":[{\"count\":3},{\"count\":4}]}", target);
            List<?> values = (List<?>) target.get("values");
            assertThat(((GoStruct) values.get(0)).string("name")).isEqualTo("a");
            assertThat(((GoStruct) values.get(1)).string("name")).isEmpty();
            assertThat(((GoStruct) values.get(1)).number("count")).isEqualTo(4L);
        }

        @Test
        void an_empty_array_gives_an_empty_non_nil_slice() throws Exception {
            GoStruct target = decode("{\"items\":[{}]}");
            decodeInto("{\"items\":[]}", target);
            assertThat(target.get("items")).isEqualTo(List.of());
        }

        @Test
        void a_map_merges_keys_but_replaces_each_value_whole() throws Exception {
            Map<String, Object> labels = new LinkedHashMap<>();
            labels.put("a", "1");
            labels.put("b", "2");
            GoStruct target = OUTER.zero().set("labels", labels);
            decodeInto("{\"labels\":{\"b\":\"3\",\"c\":\"4\",\"c\":\"5\"}}", target);
            assertThat(target.get("labels")).isEqualTo(Map.of("a", "1", "b", "3", "c", "5"));
        }

        @Test
        void a_nil_pointer_is_allocated_when_a_value_arrives() throws Exception {
            GoStruct s = decode("{\"inner\":{}}");
            assertThat(s.struct("inner")).isEqualTo(INNER.zero());
        }

        @Test
        void an_existing_pointer_target_is_decoded_into_not_replaced() throws Exception {
            GoStruct target = decode("{\"inner\":{\"deep\":{\"quote\":\"q\"}}}");
            decodeInto("{\"inner\":{\"deep\":{}}}", target);
            assertThat(target.struct("inner").struct("deep").string("quote")).isEqualTo("q");
        }
    }

    @Nested
    class Numbers {
        @ParameterizedTest
        @CsvSource({"0,0", "18446744073709551615,-1", "9223372036854775808,-9223372036854775808", "-0,-0"})
        void uint64_takes_the_whole_unsigned_range(String literal, long bits) throws Exception {
            if (literal.equals("-0")) {
                assertThat(errorOf("{\"id\":-0}"))
                        .isEqualTo("json: cannot unmarshal number -0 into Go struct field Outer.id of type uint64");
                return;
            }
            assertThat(decode("{\"id\":" + literal + "}").number("id")).isEqualTo(bits);
        }

        @ParameterizedTest
        @ValueSource(strings = {"18446744073709551616", "-1", "1.5", "1e3", "1E3", "1.0", "100000000000000000000000"})
        void uint64_rejects_overflow_negatives_fractions_and_exponents_quoting_the_literal(String literal) {
            assertThat(errorOf("{\"id\":" + literal + "}")).isEqualTo(
                    "json: cannot unmarshal number " + literal + " into Go struct field Outer.id of type uint64");
        }

        @ParameterizedTest
        @CsvSource({"small,int16,32767,32768", "small,int16,-32768,-32769", "mid,int32,2147483647,2147483648",
            "mid,int32,-2147483648,-2147483649", "big,int64,9223372036854775807,9223372036854775808",
            "big,int64,-9223372036854775808,-9223372036854775809", "u32,uint32,4294967295,4294967296"})
        void sized_integers_accept_their_range_and_reject_one_past_it(String field, String type, String ok, String bad)
                throws Exception {
            assertThat(decode("{\"" + field + "\":" + ok + "}").number(field)).isEqualTo(Long.parseLong(ok));
            assertThat(errorOf("{\"" + field + "\":" + bad + "}")).isEqualTo(
                    "json: cannot unmarshal number " + bad + " into Go struct field Outer." + field + " of type " + type);
        }

        @Test
        void float64_accepts_fractions_and_exponents_and_rejects_overflow() throws Exception {
            assertThat(decode("{\"ratio\":-1.5e2}").get("ratio")).isEqualTo(-150d);
            assertThat(decode("{\"ratio\":1e-400}").get("ratio")).isEqualTo(0d);
            assertThat(errorOf("{\"ratio\":1e400}"))
                    .isEqualTo("json: cannot unmarshal number 1e400 into Go struct field Outer.ratio of type float64");
        }
    }

    @Nested
    class Type_errors {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "{\"id\":\"1\"}|json: cannot unmarshal string into Go struct field Outer.id of type uint64",
            "{\"text\":1}|json: cannot unmarshal number into Go struct field Outer.text of type string",
            "{\"text\":true}|json: cannot unmarshal bool into Go struct field Outer.text of type string",
            "{\"text\":[]}|json: cannot unmarshal array into Go struct field Outer.text of type string",
            "{\"text\":{}}|json: cannot unmarshal object into Go struct field Outer.text of type string",
            "{\"flag\":\"true\"}|json: cannot unmarshal string into Go struct field Outer.flag of type bool",
            "{\"flag\":1}|json: cannot unmarshal number into Go struct field Outer.flag of type bool",
            "{\"ptr\":0}|json: cannot unmarshal number into Go struct field Outer.ptr of type bool",
            "{\"inner\":\"x\"}|json: cannot unmarshal string into Go struct field Outer.inner of type main.Inner",
            "{\"inner\":[]}|json: cannot unmarshal array into Go struct field Outer.inner of type main.Inner",
            "{\"value\":1}|json: cannot unmarshal number into Go struct field Outer.value of type main.Inner",
            "{\"items\":{}}|json: cannot unmarshal object into Go struct field Outer.items of type []*main.Inner",
            "{\"items\":[1]}|json: cannot unmarshal number into Go struct field Outer.items of type main.Inner",
            "{\"labels\":[]}|json: cannot unmarshal array into Go struct field Outer.labels of type map[string]string",
            "{\"labels\":{\"k\":1}}|json: cannot unmarshal number into Go struct field Outer.labels of type string",
            "{\"counts\":{\"k\":1.5}}|json: cannot unmarshal number 1.5 into Go struct field Outer.counts of type int",
        })
        void a_mismatch_names_the_JSON_kind_the_struct_the_path_and_the_Go_type(String body, String message) {
            assertThat(errorOf(body)).isEqualTo(message);
        }

        @Test
        void the_struct_named_is_the_innermost_one_and_the_path_starts_at_the_root() {
            assertThat(errorOf("{\"inner\":{\"deep\":{\"quote\":1}}}")).isEqualTo(
                    "json: cannot unmarshal number into Go struct field Deep.inner.deep.quote of type string");
            assertThat(errorOf("{\"inner\":{\"tags\":[1]}}")).isEqualTo(
                    "json: cannot unmarshal number into Go struct field Inner.inner.tags of type string");
        }

        @Test
        void inside_a_slice_of_structs_the_element_type_is_named_and_no_index_appears() {
            assertThat(errorOf("{\"items\":[{},{\"name\":2}]}")).isEqualTo(
                    "json: cannot unmarshal number into Go struct field Inner.items.name of type string");
        }

        @Test
        void after_leaving_a_nested_struct_the_outer_struct_is_named_again() {
            assertThat(errorOf("{\"inner\":{\"name\":\"ok\"},\"text\":2}"))
                    .isEqualTo("json: cannot unmarshal number into Go struct field Outer.text of type string");
        }

        @Test
        void a_promoted_field_of_an_embedded_struct_carries_the_embedded_type_name_in_its_path() {
            assertThat(errorOf("{\"pd_addrs\":\"x\"}")).isEqualTo(
                    "json: cannot unmarshal string into Go struct field Outer.PDConfig.pd_addrs of type []string");
            assertThat(errorOf("{\"ca_path\":[]}")).isEqualTo(
                    "json: cannot unmarshal array into Go struct field Outer.PDConfig.ca_path of type string");
        }

        @Test
        void at_the_top_level_the_message_says_Go_value_and_names_the_pointed_to_type() {
            assertThat(errorOf("[]")).isEqualTo("json: cannot unmarshal array into Go value of type main.Outer");
            assertThat(errorOf("\"x\"")).isEqualTo("json: cannot unmarshal string into Go value of type main.Outer");
            assertThat(errorOf("7")).isEqualTo("json: cannot unmarshal number into Go value of type main.Outer");
            assertThat(errorOf("true")).isEqualTo("json: cannot unmarshal bool into Go value of type main.Outer");
        }

        @Test
        void the_first_type_error_is_reported_but_the_rest_of_the_body_is_still_decoded() throws Exception {
            GoStruct target = OUTER.zero();
            String err = errorOf("{\"id\":\"x\",\"text\":1,\"flag\":true,\"inner\":{\"name\":\"n\"}}", OUTER, target);
            assertThat(err).isEqualTo("json: cannot unmarshal string into Go struct field Outer.id of type uint64");
            assertThat(target.bool("flag")).isTrue();
            assertThat(target.struct("inner").string("name")).isEqualTo("n");
        }

        @Test
        void a_mismatched_value_leaves_the_field_as_it_was() {
            GoStruct target = OUTER.zero().set("text", "before");
            errorOf("{\"text\":1}", OUTER, target);
            assertThat(target.string("text")).isEqualTo("before");
        }
    }

    @Nested
    class Durations {
        @Test
        void a_duration_error_aborts_and_replaces_an_earlier_type_error() {
            assertThat(errorOf("{\"id\":\"x\",\"dur\":\"5x\",\"text\":1}"))
                    .isEqualTo("time: unknown unit \"x\" in duration \"5x\"");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "600000000000|600000000000", "1.9|1", "-1.9|-1", "1e3|1000", "-5|-5", "\"10m\"|600000000000",
            "\"1h30m\"|5400000000000", "\"-1s\"|-1000000000", "1e300|-9223372036854775808",
            "-1e300|-9223372036854775808"})
        void a_number_is_float64_nanoseconds_and_a_string_is_a_Go_duration(String value, long nanos) throws Exception {
            assertThat(decode("{\"dur\":" + value + "}").get("dur")).isEqualTo(nanos);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "true|invalid duration", "false|invalid duration", "{}|invalid duration", "[]|invalid duration",
            "[1]|invalid duration", "{\"a\":1}|invalid duration", "\"x\"|time: invalid duration \"x\"",
            "\"\"|time: invalid duration \"\"", "\"10\"|time: missing unit in duration \"10\"",
            "1e400|json: cannot unmarshal number 1e400 into Go value of type float64"})
        void anything_else_is_the_unmarshalers_own_error_without_field_context(String value, String message) {
            assertThat(errorOf("{\"dur\":" + value + "}")).isEqualTo(message);
        }
    }

    @Nested
    class TiCDC_types {
        @Test
        void master_reports_the_embedded_PDConfig_in_the_path() {
            Struct cfg = ApiSchema.of(Profile.MASTER).changefeedConfig();
            assertThat(errorOf("{\"pd_addrs\":\"x\"}", cfg, cfg.zero())).isEqualTo(
                    "json: cannot unmarshal string into Go struct field ChangefeedConfig.PDConfig.pd_addrs of type []string");
        }

        @Test
        void v7_3_built_with_Go_1_20_does_not_name_the_embedded_struct() {
            Struct cfg = ApiSchema.of(Profile.V7_3).changefeedConfig();
            assertThat(errorOf("{\"pd_addrs\":\"x\"}", cfg, cfg.zero())).isEqualTo(
                    "json: cannot unmarshal string into Go struct field ChangefeedConfig.pd_addrs of type []string");
        }

        @Test
        void a_nested_replica_config_error_names_ReplicaConfig_not_ChangefeedConfig() {
            Struct cfg = ApiSchema.of(Profile.MASTER).changefeedConfig();
            assertThat(errorOf("{\"replica_config\":{\"memory_quota\":\"x\"}}", cfg, cfg.zero())).isEqualTo(
                    "json: cannot unmarshal string into Go struct field ReplicaConfig.replica_config.memory_quota of type uint64");
            assertThat(errorOf("{\"replica_config\":{\"memory_quota\":-1}}", cfg, cfg.zero())).isEqualTo(
                    "json: cannot unmarshal number -1 into Go struct field ReplicaConfig.replica_config.memory_quota of type uint64");
            assertThat(errorOf("{\"replica_config\":{\"sink\":{\"csv\":{\"quote\":1}}}}", cfg, cfg.zero())).isEqualTo(
                    "json: cannot unmarshal number into Go struct field CSVConfig.replica_config.sink.csv.quote of type string");
            assertThat(errorOf("{\"replica_config\":{\"filter\":{\"rules\":[1]}}}", cfg, cfg.zero())).isEqualTo(
                    "json: cannot unmarshal number into Go struct field FilterConfig.replica_config.filter.rules of type string");
            assertThat(errorOf("{\"replica_config\":{\"sink\":{\"dispatchers\":[{\"matcher\":1}]}}}", cfg, cfg.zero()))
                    .isEqualTo("json: cannot unmarshal number into Go struct field DispatchRule.replica_config.sink.dispatchers.matcher of type []string");
        }

        @Test
        void top_level_fields_and_whole_body_mismatches_use_the_v2_type_names() {
            Struct cfg = ApiSchema.of(Profile.MASTER).changefeedConfig();
            assertThat(errorOf("{\"start_ts\":\"1\"}", cfg, cfg.zero())).isEqualTo(
                    "json: cannot unmarshal string into Go struct field ChangefeedConfig.start_ts of type uint64");
            assertThat(errorOf("[]", cfg, cfg.zero()))
                    .isEqualTo("json: cannot unmarshal array into Go value of type v2.ChangefeedConfig");
        }

        @Test
        void keys_bind_case_insensitively_to_TiCDC_fields() throws Exception {
            Struct cfg = ApiSchema.of(Profile.MASTER).changefeedConfig();
            GoStruct s = (GoStruct) GoBinder.decode(json("{\"SINK_URI\":\"blackhole://\"}"), cfg, cfg.zero());
            assertThat(s.string("sink_uri")).isEqualTo("blackhole://");
        }
    }

    static List<Object> list(Object... xs) {
        return new ArrayList<>(List.of(xs));
    }
}
