package io.faketicdc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.internal.json.JsonValue.JArray;
import io.faketicdc.internal.json.JsonValue.JBool;
import io.faketicdc.internal.json.JsonValue.JNull;
import io.faketicdc.internal.json.JsonValue.JNumber;
import io.faketicdc.internal.json.JsonValue.JObject;
import io.faketicdc.internal.json.JsonValue.JString;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's json.NewDecoder(r).Decode: what it reads and the exact words of its errors. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoJsonReaderTest {

    static JsonValue read(String body) throws GoJsonSyntaxException {
        return GoJsonReader.read(body.getBytes(StandardCharsets.UTF_8));
    }

    static String errorOf(byte[] body) {
        try {
            GoJsonReader.read(body);
        } catch (GoJsonSyntaxException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a decode error");
    }

    static String errorOf(String body) {
        return errorOf(body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(int... bs) {
        byte[] out = new byte[bs.length];
        for (int i = 0; i < bs.length; i++) out[i] = (byte) bs[i];
        return out;
    }

    /** The decoded text of a JSON string whose raw content bytes are given. */
    static String stringOf(byte[] content) throws GoJsonSyntaxException {
        byte[] body = new byte[content.length + 2];
        body[0] = '"';
        System.arraycopy(content, 0, body, 1, content.length);
        body[body.length - 1] = '"';
        return ((JString) GoJsonReader.read(body)).value();
    }

    @Nested
    class End_of_input {
        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\n\t\r "})
        void an_empty_or_blank_body_is_plain_EOF(String body) {
            assertThat(errorOf(body)).isEqualTo("EOF");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{", "[", "[1,", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "\"abc", "\"\\", "\"\\u12",
            "tru", "fa", "n", "-", "1.", "1e", "1e+", "  [  "})
        void a_body_cut_off_inside_a_value_is_unexpected_EOF(String body) {
            assertThat(errorOf(body)).isEqualTo("unexpected EOF");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"1|1", "-0|-0", "12.5e3|12.5e3", "0|0"})
        void a_top_level_number_ending_at_end_of_input_is_complete(String body, String literal) throws Exception {
            assertThat(read(body)).isEqualTo(new JNumber(literal));
        }
    }

    @Nested
    class Syntax_errors {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "x|invalid character 'x' looking for beginning of value",
            "{x|invalid character 'x' looking for beginning of object key string",
            "{\"a\" 1|invalid character '1' after object key",
            "{\"a\":1 \"b\"|invalid character '\"' after object key:value pair",
            "{\"a\":1,}|invalid character '}' looking for beginning of object key string",
            "[1 2]|invalid character '2' after array element",
            "[1,]|invalid character ']' looking for beginning of value",
            "[01]|invalid character '1' after array element",
            "{\"a\":01}|invalid character '1' after object key:value pair",
            "\"\\x\"|invalid character 'x' in string escape code",
            "\"\\U0041\"|invalid character 'U' in string escape code",
            "\"\\u12g4\"|invalid character 'g' in \\u hexadecimal character escape",
            "-a|invalid character 'a' in numeric literal",
            "[-]|invalid character ']' in numeric literal",
            "1.a|invalid character 'a' after decimal point in numeric literal",
            "1.e5|invalid character 'e' after decimal point in numeric literal",
            "1ea|invalid character 'a' in exponent of numeric literal",
            "1e+a|invalid character 'a' in exponent of numeric literal",
            "tx|invalid character 'x' in literal true (expecting 'r')",
            "trUe|invalid character 'U' in literal true (expecting 'u')",
            "fals0|invalid character '0' in literal false (expecting 'e')",
            "nul1|invalid character '1' in literal null (expecting 'l')",
            "+1|invalid character '+' looking for beginning of value",
            ".5|invalid character '.' looking for beginning of value",
            "~'a'~|invalid character '\\'' looking for beginning of value",
            "\\|invalid character '\\\\' looking for beginning of value",
            "{'a':1}|invalid character '\\'' looking for beginning of object key string",
            "{\"a\":1]|invalid character ']' after object key:value pair",
            "[1}|invalid character '}' after array element",
            "{\"a\"=1}|invalid character '=' after object key",
        })
        void an_unexpected_character_is_named_with_its_context(String body, String message) {
            assertThat(errorOf(body)).isEqualTo(message);
        }

        @ParameterizedTest(name = "byte {0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "0x01|'\\x01'",
            "0x07|'\\a'",
            "0x08|'\\b'",
            "0x0b|'\\v'",
            "0x0c|'\\f'",
            "0x1f|'\\x1f'",
            "0x7f|'\\x7f'",
        })
        void control_bytes_are_quoted_like_strconv_Quote(String hex, String quoted) {
            int b = Integer.decode(hex);
            assertThat(errorOf(bytes(b))).isEqualTo("invalid character " + quoted + " looking for beginning of value");
        }

        @ParameterizedTest(name = "byte {0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "0xc3|'\u00c3'",
            "0xef|'\u00ef'",
            "0xff|'\u00ff'",
            "0xa1|'\u00a1'",
            "0x80|'\\u0080'",
            "0x9f|'\\u009f'",
            "0xa0|'\\u00a0'",
            "0xad|'\\u00ad'",
        })
        void a_non_ASCII_byte_is_quoted_as_the_Latin_1_rune_with_that_number(String hex, String quoted) {
            int b = Integer.decode(hex);
            assertThat(errorOf(bytes(b, '{', '}'))).isEqualTo("invalid character " + quoted + " looking for beginning of value");
        }

        @Test
        void a_UTF_8_byte_order_mark_reads_as_i_diaeresis_like_the_famous_Go_error() {
            assertThat(errorOf(bytes(0xef, 0xbb, 0xbf, '{', '}')))
                    .isEqualTo("invalid character '\u00ef' looking for beginning of value");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "0x09|'\\t'", "0x0a|'\\n'", "0x0d|'\\r'", "0x00|'\\x00'", "0x1b|'\\x1b'"})
        void a_raw_control_byte_inside_a_string_is_invalid_in_string_literal(String hex, String quoted) {
            byte[] body = bytes('"', 'a', Integer.decode(hex), 'b', '"');
            assertThat(errorOf(body)).isEqualTo("invalid character " + quoted + " in string literal");
        }

        @Test
        void DEL_and_non_ASCII_bytes_are_allowed_raw_inside_strings() throws Exception {
            assertThat(stringOf(bytes(0x7f, 0xc3, 0xa9))).isEqualTo("\u007f\u00e9");
        }

        @Test
        void a_form_encoded_body_fails_at_its_first_letter() {
            assertThat(errorOf("changefeed_id=a&sink_uri=b"))
                    .isEqualTo("invalid character 'c' looking for beginning of value");
        }

        @Test
        void nesting_deeper_than_ten_thousand_is_rejected_at_the_opening_bracket() {
            assertThat(errorOf("[".repeat(10001))).isEqualTo("invalid character '[' exceeded max depth");
            assertThat(errorOf("{\"a\":".repeat(10000) + "{")).isEqualTo("invalid character '{' exceeded max depth");
        }

        @Test
        void nesting_of_exactly_ten_thousand_levels_is_accepted() throws Exception {
            String body = "[".repeat(10000) + "]".repeat(10000);
            assertThat(read(body)).isInstanceOf(JArray.class);
        }
    }

    @Nested
    class Only_the_first_value_is_read {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"1x|1", "0x1|0", "01|0", "-0.5e3junk|-0.5e3", "7 8|7"})
        void a_top_level_number_ends_at_the_first_byte_that_cannot_continue_it(String body, String literal)
                throws Exception {
            assertThat(read(body)).isEqualTo(new JNumber(literal));
        }

        @Test
        void bytes_after_a_complete_object_are_ignored_even_if_they_are_not_JSON() throws Exception {
            assertThat(read("{} junk")).isEqualTo(new JObject(java.util.List.of()));
            assertThat(read("[1] [2]")).isEqualTo(new JArray(java.util.List.of(new JNumber("1"))));
            assertThat(read("truex")).isEqualTo(JBool.TRUE);
            assertThat(read("null}")).isEqualTo(JNull.INSTANCE);
            assertThat(read("\"a\"\"b\"")).isEqualTo(new JString("a"));
        }

        @Test
        void leading_white_space_is_skipped() throws Exception {
            assertThat(read(" \t\r\n {\"a\" : [ 1 , 2 ] } ")).isInstanceOf(JObject.class);
        }

        @Test
        void a_syntax_error_after_the_first_value_is_not_reported() throws Exception {
            assertThat(read("{}{")).isEqualTo(new JObject(java.util.List.of()));
        }
    }

    @Nested
    class Values {
        @Test
        void duplicate_keys_are_all_kept_in_order_so_the_binder_can_let_the_last_win() throws Exception {
            JObject o = (JObject) read("{\"a\":1,\"a\":2}");
            assertThat(o.members()).extracting(JsonValue.Member::key).containsExactly("a", "a");
            assertThat(o.get("a")).isEqualTo(new JNumber("2"));
        }

        @Test
        void numbers_keep_their_literal_text() throws Exception {
            assertThat(read("[-0.50e+010, 1E2, 18446744073709551616]")).isEqualTo(new JArray(java.util.List.of(
                    new JNumber("-0.50e+010"), new JNumber("1E2"), new JNumber("18446744073709551616"))));
        }

        @Test
        void literals_decode_to_their_values() throws Exception {
            assertThat(read("[true,false,null]")).isEqualTo(
                    new JArray(java.util.List.of(JBool.TRUE, JBool.FALSE, JNull.INSTANCE)));
        }
    }

    @Nested
    class Strings {
        @Test
        void the_short_escapes_decode_to_their_characters() throws Exception {
            assertThat(((JString) read("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"")).value()).isEqualTo("\"\\/\b\f\n\r\t");
        }

        @Test
        void unicode_escapes_accept_either_hex_case() throws Exception {
            assertThat(((JString) read("\"\\u00e9\\u00C9\\u0000\"")).value()).isEqualTo("\u00e9\u00c9\u0000");
        }

        @Test
        void an_escaped_surrogate_pair_decodes_to_one_supplementary_character() throws Exception {
            assertThat(((JString) read("\"\\ud83d\\ude00\"")).value()).isEqualTo("\ud83d\ude00");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "\\ud800|\ufffd",
            "\\udc00|\ufffd",
            "\\ud800x|\ufffdx",
            "\\ud800\\u0041|\ufffdA",
            "\\ud800\\ud800|\ufffd\ufffd",
            "\\udc00\\ud800|\ufffd\ufffd",
            "\\ud800\\ud800\\udc00|\ufffd\ud800\udc00",
            "\\ud800\\n|~\ufffd\n~",
        })
        void a_lone_or_misordered_escaped_surrogate_becomes_U_FFFD(String escaped, String decoded) throws Exception {
            assertThat(((JString) read("\"" + escaped + "\"")).value()).isEqualTo(decoded);
        }

        @Test
        void a_key_is_decoded_like_any_other_string() throws Exception {
            JObject o = (JObject) read("{\"sink\\u005furi\":\"x\"}");
            assertThat(o.members().get(0).key()).isEqualTo("sink_uri");
        }

        @Test
        void valid_multi_byte_UTF_8_is_kept() throws Exception {
            assertThat(stringOf("\u00e9\u4e2d\ud83d\ude00".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo("\u00e9\u4e2d\ud83d\ude00");
        }

        @Test
        void each_byte_of_a_truncated_sequence_becomes_its_own_U_FFFD() throws Exception {
            // E2 82 starts a 3-byte sequence that 'A' breaks: utf8.DecodeRune yields RuneError, width 1, twice
            assertThat(stringOf(bytes(0xe2, 0x82, 'A'))).isEqualTo("\ufffd\ufffdA");
            assertThat(stringOf(bytes(0xf0, 0x9f, 0x98))).isEqualTo("\ufffd\ufffd\ufffd");
        }

        @Test
        void an_encoded_surrogate_is_three_replacement_characters() throws Exception {
            assertThat(stringOf(bytes(0xed, 0xa0, 0x80))).isEqualTo("\ufffd\ufffd\ufffd");
        }

        @Test
        void overlong_and_out_of_range_encodings_are_replaced_byte_by_byte() throws Exception {
            assertThat(stringOf(bytes(0xc0, 0x80))).isEqualTo("\ufffd\ufffd");
            assertThat(stringOf(bytes(0xe0, 0x80, 0x80))).isEqualTo("\ufffd\ufffd\ufffd");
            assertThat(stringOf(bytes(0xf4, 0x90, 0x80, 0x80))).isEqualTo("\ufffd\ufffd\ufffd\ufffd");
            assertThat(stringOf(bytes(0xff, 'a'))).isEqualTo("\ufffda");
        }

        @Test
        void a_lone_continuation_byte_is_one_replacement_character() throws Exception {
            assertThat(stringOf(bytes('a', 0x80, 'b'))).isEqualTo("a\ufffdb");
        }
    }
}
