package io.faketicdc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

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

/** json.Marshal and json.MarshalIndent(v, "", "    "), byte for byte. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoJsonWriterTest {

    static String compactString(String s) {
        return GoJsonWriter.compact().value(s).toString();
    }

    @Nested
    class String_escaping {
        @ParameterizedTest(name = "[{index}] {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "a<b>c&d|~\"a\\u003cb\\u003ec\\u0026d\"~",
            "q\"b\\|~\"q\\\"b\\\\\"~",
            "/slash|~\"/slash\"~",
            "'apos'|~\"'apos'\"~",
        })
        void HTML_characters_quotes_and_backslashes_are_escaped_like_Go(String in, String out) {
            assertThat(compactString(in)).isEqualTo(out);
        }

        @Test
        void the_five_short_escapes_are_used_for_their_control_characters() {
            assertThat(compactString("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
        }

        @Test
        void other_control_characters_are_lower_case_u00XX_escapes() {
            assertThat(compactString("\u0000\u0001\u001b\u001f")).isEqualTo("\"\\u0000\\u0001\\u001b\\u001f\"");
        }

        @Test
        void DEL_and_non_ASCII_are_written_raw_as_UTF_8() {
            String s = "\u007f\u00e9\u4e2d\ud83d\ude00";
            assertThat(GoJsonWriter.compact().value(s).toBytes())
                    .isEqualTo(("\"" + s + "\"").getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void line_and_paragraph_separators_are_escaped_for_JSONP_safety() {
            assertThat(compactString("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
        }

        @Test
        void a_lone_surrogate_is_written_as_the_escape_ufffd() {
            assertThat(compactString("a\ud800b\udc00")).isEqualTo("\"a\\ufffdb\\ufffd\"");
        }

        @Test
        void a_sink_uri_query_comes_back_with_its_ampersands_escaped() {
            assertThat(compactString("kafka://h:9092/t?protocol=canal-json&partition-num=3"))
                    .isEqualTo("\"kafka://h:9092/t?protocol=canal-json\\u0026partition-num=3\"");
        }

        @Test
        void object_keys_are_escaped_the_same_way() {
            assertThat(GoJsonWriter.compact().beginObject().name("<k>").value(1).endObject().toString())
                    .isEqualTo("{\"\\u003ck\\u003e\":1}");
        }
    }

    @Nested
    class Layout {
        @Test
        void compact_output_has_no_spaces_at_all() {
            String out = GoJsonWriter.compact().beginObject()
                    .name("a").value(1)
                    .name("b").beginArray().value("x").value(true).nullValue().endArray()
                    .name("c").beginObject().endObject()
                    .endObject().toString();
            assertThat(out).isEqualTo("{\"a\":1,\"b\":[\"x\",true,null],\"c\":{}}");
        }

        @Test
        void indented_output_uses_four_spaces_a_space_after_colons_and_no_trailing_newline() {
            String out = GoJsonWriter.indented().beginObject()
                    .name("error_msg").value("m")
                    .name("error_code").value("c")
                    .endObject().toString();
            assertThat(out).isEqualTo("{\n    \"error_msg\": \"m\",\n    \"error_code\": \"c\"\n}");
        }

        @Test
        void indented_empty_containers_stay_on_one_line() {
            String out = GoJsonWriter.indented().beginObject()
                    .name("o").beginObject().endObject()
                    .name("a").beginArray().endArray()
                    .name("n").beginArray().beginObject().endObject().value(2).endArray()
                    .endObject().toString();
            assertThat(out).isEqualTo("{\n    \"o\": {},\n    \"a\": [],\n    \"n\": [\n        {},\n        2\n    ]\n}");
        }

        @Test
        void a_top_level_empty_object_is_two_bytes_in_either_mode() {
            assertThat(GoJsonWriter.compact().beginObject().endObject().toString()).isEqualTo("{}");
            assertThat(GoJsonWriter.indented().beginObject().endObject().toString()).isEqualTo("{}");
        }

        @Test
        void an_indented_top_level_array_puts_each_element_on_its_own_line() {
            assertThat(GoJsonWriter.indented().beginArray().value(1).value(2).endArray().toString())
                    .isEqualTo("[\n    1,\n    2\n]");
        }
    }

    @Nested
    class Numbers {
        @Test
        void uint64_values_above_Long_MAX_VALUE_print_unsigned() {
            assertThat(GoJsonWriter.compact().unsigned(-1L).toString()).isEqualTo("18446744073709551615");
            assertThat(GoJsonWriter.compact().unsigned(Long.MIN_VALUE).toString()).isEqualTo("9223372036854775808");
            assertThat(GoJsonWriter.compact().value(-1L).toString()).isEqualTo("-1");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(longs = {0, 1, 9, 10, 99, 100, 468507381759475712L, Long.MAX_VALUE, -9, -10, Long.MIN_VALUE, Long.MIN_VALUE + 1})
        void integers_print_their_decimal_digits_signed_and_unsigned(long n) {
            assertThat(GoJsonWriter.compact().value(n).toString()).isEqualTo(Long.toString(n));
            assertThat(GoJsonWriter.compact().unsigned(n).toString()).isEqualTo(Long.toUnsignedString(n));
        }

        @Test
        void numbers_names_and_strings_grow_a_presized_or_tiny_buffer_alike() {
            for (GoJsonWriter w : new GoJsonWriter[] {GoJsonWriter.compact(), GoJsonWriter.compact(1), GoJsonWriter.compact(1 << 16)}) {
                w.beginArray();
                for (int i = 0; i < 300; i++) w.beginObject().name("checkpoint_tso").unsigned(-1L - i).name("id").value("cf-" + i).endObject();
                String json = w.endArray().toString();
                assertThat(json).startsWith("[{\"checkpoint_tso\":18446744073709551615,\"id\":\"cf-0\"},")
                        .endsWith(",{\"checkpoint_tso\":18446744073709551316,\"id\":\"cf-299\"}]");
                assertThat(json.length()).isEqualTo(w.toBytes().length);
            }
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "0.0,0", "-0.0,-0", "1.0,1", "1.5,1.5", "-2.25,-2.25", "100.0,100", "0.1,0.1", "1e20,100000000000000000000",
            "1e21,1e+21", "1.5e21,1.5e+21", "1e100,1e+100", "0.000001,0.000001", "1e-7,1e-7", "1.5e-7,1.5e-7",
            "1e-10,1e-10", "5e-324,5e-324", "1.7976931348623157e308,1.7976931348623157e+308",
            "2.82879384806159E17,282879384806159000", "123456789.125,123456789.125"})
        void float64_uses_the_shortest_round_trip_digits_and_Gos_exponent_rules(double value, String text) {
            assertThat(GoMarshal.formatFloat(value)).isEqualTo(text);
        }
    }

    @Nested
    class Marshal {
        final Struct inner = new Struct("main.Inner").fields(List.of(Field.of("x", Scalar.INT)));
        final Struct all = new Struct("main.All").fields(List.of(
                Field.omit("s", Scalar.STRING),
                Field.omit("b", Scalar.BOOL),
                Field.omit("i", Scalar.INT),
                Field.omit("u", Scalar.UINT64),
                Field.omit("f", Scalar.FLOAT64),
                Field.omit("pb", new Pointer(Scalar.BOOL)),
                Field.omit("ps", new Pointer(Scalar.STRING)),
                Field.omit("sl", new Slice(Scalar.STRING)),
                Field.omit("m", new StringMap(Scalar.STRING)),
                Field.omit("st", inner),
                Field.omit("pst", new Pointer(inner)),
                Field.omit("d", new Pointer(new Duration("main.JSONDuration"))),
                Field.omit("dv", new Duration("main.JSONDuration"))));
        final Struct plain = new Struct("main.Plain").fields(List.of(
                Field.of("sl", new Slice(Scalar.STRING)),
                Field.of("m", new StringMap(Scalar.INT)),
                Field.of("p", new Pointer(Scalar.BOOL)),
                Field.of("u", Scalar.UINT64),
                Field.of("st", inner)));

        @Test
        void omitempty_drops_zero_scalars_nil_pointers_and_empty_slices_and_maps_but_never_structs() {
            GoStruct v = all.zero().set("sl", new ArrayList<>()).set("m", new LinkedHashMap<>());
            assertThat(GoMarshal.compact(v, all)).isEqualTo("{\"st\":{\"x\":0},\"dv\":0}");
        }

        @Test
        void omitempty_keeps_a_pointer_to_a_zero_value() {
            GoStruct v = all.zero().set("pb", false).set("ps", "").set("pst", inner.zero()).set("d", 0L);
            assertThat(GoMarshal.compact(v, all))
                    .isEqualTo("{\"pb\":false,\"ps\":\"\",\"st\":{\"x\":0},\"pst\":{\"x\":0},\"d\":0,\"dv\":0}");
        }

        @Test
        void without_omitempty_nil_slices_maps_and_pointers_are_null_and_empty_ones_are_brackets() {
            assertThat(GoMarshal.compact(plain.zero(), plain))
                    .isEqualTo("{\"sl\":null,\"m\":null,\"p\":null,\"u\":0,\"st\":{\"x\":0}}");
            GoStruct v = plain.zero().set("sl", List.of()).set("m", Map.of()).set("u", -1L);
            assertThat(GoMarshal.compact(v, plain))
                    .isEqualTo("{\"sl\":[],\"m\":{},\"p\":null,\"u\":18446744073709551615,\"st\":{\"x\":0}}");
        }

        @Test
        void map_keys_are_sorted_by_their_UTF_8_bytes() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("b", 1L);
            m.put("\ud83d\ude00", 2L);
            m.put("\uffee", 3L);
            m.put("B", 4L);
            m.put("a", 5L);
            m.put("", 6L);
            GoStruct v = plain.zero().set("m", m);
            assertThat(GoMarshal.compact(v, plain)).startsWith(
                    "{\"sl\":null,\"m\":{\"\":6,\"B\":4,\"a\":5,\"b\":1,\"\uffee\":3,\"\ud83d\ude00\":2}");
        }

        @Test
        void a_duration_marshals_as_integer_nanoseconds() {
            GoStruct v = all.zero().set("d", 600_000_000_000L);
            assertThat(GoMarshal.compact(v, all)).isEqualTo("{\"st\":{\"x\":0},\"d\":600000000000,\"dv\":0}");
        }

        @Test
        void keys_come_out_in_declaration_order() {
            Struct t = new Struct("main.Order").fields(List.of(
                    Field.of("z", Scalar.INT), Field.of("a", Scalar.INT), Field.of("m", Scalar.INT)));
            assertThat(GoMarshal.compact(t.zero(), t)).isEqualTo("{\"z\":0,\"a\":0,\"m\":0}");
        }

        @Test
        void indented_marshal_of_a_struct_matches_MarshalIndent() {
            GoJsonWriter w = GoJsonWriter.indented();
            GoStruct v = plain.zero().set("sl", List.of("a")).set("m", Map.of());
            GoMarshal.write(w, v, plain);
            assertThat(w.toString()).isEqualTo("{\n    \"sl\": [\n        \"a\"\n    ],\n    \"m\": {},\n"
                    + "    \"p\": null,\n    \"u\": 0,\n    \"st\": {\n        \"x\": 0\n    }\n}");
        }
    }
}
