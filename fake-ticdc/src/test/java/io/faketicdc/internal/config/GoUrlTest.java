package io.faketicdc.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's url.Parse errors, URL.String(), Redacted() and query handling, and TiCDC's masking. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoUrlTest {

    static String parseError(String raw) {
        try {
            GoUrl.parse(raw);
        } catch (GoUrl.UrlException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a parse error for " + raw);
    }

    static String roundTrip(String raw) throws GoUrl.UrlException {
        return GoUrl.parse(raw).toString();
    }

    @Nested
    class Parse_errors {
        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "127.0.0.1:3306|parse \"127.0.0.1:3306\": first path segment in URL cannot contain colon",
            "://h|parse \"://h\": missing protocol scheme",
            ":|parse \":\": missing protocol scheme",
            "mysql://root@127.0.0.1:abc/|parse \"mysql://root@127.0.0.1:abc/\": invalid port \":abc\" after host",
            "mysql://[::1]x/|parse \"mysql://[::1]x/\": invalid port \"x\" after host",
            "mysql://[::1/|parse \"mysql://[::1/\": missing ']' in host",
            "kafka://h:9092/t%zz|parse \"kafka://h:9092/t%zz\": invalid URL escape \"%zz\"",
            "kafka://h:9092/t%2|parse \"kafka://h:9092/t%2\": invalid URL escape \"%2\"",
            "kafka://h:9092/t%|parse \"kafka://h:9092/t%\": invalid URL escape \"%\"",
            "mysql://a b:3306/|parse \"mysql://a b:3306/\": invalid character \" \" in host name",
            "mysql://a{b/|parse \"mysql://a{b/\": invalid character \"{\" in host name",
            "mysql://%41bc/|parse \"mysql://%41bc/\": invalid URL escape \"%41\"",
            "mysql://u^x@h/|parse \"mysql://u^x@h/\": net/url: invalid userinfo",
            "mysql://u:p%zz@h/|parse \"mysql://u:p%zz@h/\": invalid URL escape \"%zz\"",
            "mysql://h/#a%zz|parse \"mysql://h/#a%zz\": invalid URL escape \"%zz\"",
        })
        void malformed_URLs_fail_with_net_url_texts(String raw, String message) {
            assertThat(parseError(raw)).isEqualTo(message);
        }

        @Test
        void a_colon_after_the_first_path_segment_is_fine_without_a_scheme() throws Exception {
            assertThat(roundTrip("a/b:c")).isEqualTo("a/b:c");
        }

        @Test
        void a_control_character_anywhere_is_rejected_first_and_quoted_with_C_escapes() {
            assertThat(parseError("mysql://h/\t")).isEqualTo("parse \"mysql://h/\\t\": net/url: invalid control character in URL");
            assertThat(parseError("a\bb")).isEqualTo("parse \"a\\bb\": net/url: invalid control character in URL");
            assertThat(parseError("a\u0007\u000b\fb")).isEqualTo("parse \"a\\a\\v\\fb\": net/url: invalid control character in URL");
            assertThat(parseError("a\u0001\u007f")).isEqualTo("parse \"a\\x01\\x7f\": net/url: invalid control character in URL");
        }

        @Test
        void the_quoted_URL_keeps_printable_Unicode_and_escapes_the_rest() {
            assertThat(parseError("\u00e9:1:2")).isEqualTo("parse \"\u00e9:1:2\": first path segment in URL cannot contain colon");
            assertThat(parseError("\u00a0:1")).isEqualTo("parse \"\\u00a0:1\": first path segment in URL cannot contain colon");
        }

        @Test
        void a_bad_escape_is_quoted_as_its_first_three_bytes_even_mid_character() {
            assertThat(parseError("kafka://h/%\u65e5")).isEqualTo("parse \"kafka://h/%\u65e5\": invalid URL escape \"%\\xe6\\x97\"");
        }

        @Test
        void a_host_may_percent_escape_only_non_ASCII_bytes_or_a_percent_sign() throws Exception {
            assertThat(GoUrl.parse("mysql://%C3%A9:1/").host()).isEqualTo("\u00e9:1");
            assertThat(parseError("mysql://h%2e/")).isEqualTo("parse \"mysql://h%2e/\": invalid URL escape \"%2e\"");
        }

        @Test
        void a_fragment_error_quotes_the_whole_URL_and_other_errors_the_URL_without_it() {
            assertThat(parseError("mysql://h:x/#frag")).isEqualTo("parse \"mysql://h:x/\": invalid port \":x\" after host");
        }
    }

    @Nested
    class String_form {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "blackhole://|blackhole:",
            "blackhole://?aa=bb|blackhole:?aa=bb",
            "blackhole:///|blackhole:///",
            "file:///tmp/x|file:///tmp/x",
            "BlackHole://|blackhole:",
            "MySQL://root@h:3306/|mysql://root@h:3306/",
            "mysql://h|mysql://h",
            "mysql://h:3306|mysql://h:3306",
            "mysql://h:|mysql://h:",
            "mysql://h?|mysql://h?",
            "mysql://h/?a=1?b|mysql://h/?a=1?b",
            "kafka://h:9092/t?protocol=canal-json&partition-num=3|kafka://h:9092/t?protocol=canal-json&partition-num=3",
            "kafka://h/t?b=%2f+x&a|kafka://h/t?b=%2f+x&a",
            "mysql:opaque@h|mysql:opaque@h",
            "s3://bucket/prefix%2Fx|s3://bucket/prefix%2Fx",
            "mysql://[::1]:3306/|mysql://[::1]:3306/",
            "mysql://[fe80::1%25en0]:3306/|mysql://[fe80::1%25en0]:3306/",
            "mysql://u%3Aser:p%40ss@h/|mysql://u%3Aser:p%40ss@h/",
            "mysql://u!x:p*y@h/|mysql://u%21x:p%2Ay@h/",
            "mysql://:@h/|mysql://:@h/",
            "mysql://@h/|mysql://@h/",
            "/just/a/path|/just/a/path",
            "*|*",
            "mysql://h/#frag|mysql://h/#frag",
            "mysql://h/#a%20b|mysql://h/#a%20b",
            "mysql://h/#|mysql://h/",
        })
        void re_serialisation_follows_URL_String(String raw, String shown) throws Exception {
            assertThat(roundTrip(raw)).isEqualTo(shown);
        }

        @Test
        void a_path_that_is_not_a_valid_encoding_is_re_escaped() throws Exception {
            assertThat(roundTrip("file:///tmp/a b")).isEqualTo("file:///tmp/a%20b");
            assertThat(roundTrip("file:///tmp/\u00e9")).isEqualTo("file:///tmp/%C3%A9");
            assertThat(roundTrip("file:///tmp/a\"b")).isEqualTo("file:///tmp/a%22b");
        }

        @Test
        void a_non_ASCII_host_is_percent_escaped_on_output() throws Exception {
            assertThat(roundTrip("mysql://\u00e9:1/")).isEqualTo("mysql://%C3%A9:1/");
            assertThat(roundTrip("mysql://%C3%A9:1/")).isEqualTo("mysql://%C3%A9:1/");
        }

        @Test
        void a_fragment_that_needs_escaping_is_re_escaped() throws Exception {
            assertThat(roundTrip("mysql://h/#a b")).isEqualTo("mysql://h/#a%20b");
            assertThat(roundTrip("mysql://h/#a!(b)*")).isEqualTo("mysql://h/#a!(b)*");
        }

        @Test
        void a_relative_path_whose_first_segment_has_a_colon_gets_dot_slash() throws Exception {
            assertThat(roundTrip("./a:b")).isEqualTo("./a:b");
        }

        @Test
        void the_scheme_is_lower_cased_and_the_parts_are_exposed() throws Exception {
            GoUrl u = GoUrl.parse("KAFKA://h:9092/topic?protocol=canal-json");
            assertThat(u.scheme()).isEqualTo("kafka");
            assertThat(u.host()).isEqualTo("h:9092");
            assertThat(u.path()).isEqualTo("/topic");
            assertThat(u.rawQuery()).isEqualTo("protocol=canal-json");
        }
    }

    @Nested
    class Redacted {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "mysql://root:123456@127.0.0.1:3306/|mysql://root:xxxxx@127.0.0.1:3306/",
            "mysql://root:@h/|mysql://root:xxxxx@h/",
            "mysql://root@h/|mysql://root@h/",
            "mysql://root:p:w@h/|mysql://root:xxxxx@h/",
            "mysql://h/|mysql://h/",
        })
        void the_password_if_set_becomes_xxxxx(String raw, String redacted) throws Exception {
            assertThat(GoUrl.parse(raw).redacted()).isEqualTo(redacted);
        }
    }

    @Nested
    class Query {
        @Test
        void parse_query_decodes_plus_and_escapes_and_skips_bad_pairs() throws Exception {
            GoUrl u = GoUrl.parse("kafka://h/t?a=1&b=x+y&c=%2B&a=2&bad=%zz&semi=1;2&&flag&=empty");
            Map<String, List<String>> q = u.query();
            assertThat(q).containsEntry("a", List.of("1", "2")).containsEntry("b", List.of("x y"))
                    .containsEntry("c", List.of("+")).containsEntry("flag", List.of("")).containsEntry("", List.of("empty"))
                    .doesNotContainKeys("bad", "semi");
            assertThat(u.queryFirst("a")).isEqualTo("1");
            assertThat(u.queryFirst("nope")).isNull();
        }

        @Test
        void encode_sorts_keys_and_escapes_everything_but_unreserved_characters() throws Exception {
            GoUrl u = GoUrl.parse("kafka://h/t?z=1");
            u.encodeQuery(Map.of("z", List.of("a b", "c&d"), "a", List.of("/:?@~-_.*"), "\u00e9", List.of("")));
            assertThat(u.rawQuery()).isEqualTo("a=%2F%3A%3F%40~-_.%2A&z=a+b&z=c%26d&%C3%A9=");
        }
    }

    @Nested
    class Mask_sink_uri {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "mysql://root:123456@127.0.0.1:3306/|mysql://root:xxxxx@127.0.0.1:3306/",
            "kafka://h:9092/t?protocol=canal-json&sasl-password=abc&partition-num=3|kafka://h:9092/t?partition-num=3&protocol=canal-json&sasl-password=xxxxx",
            "kafka://h:9092/t?protocol=canal-json&partition-num=3&b=%2f|kafka://h:9092/t?protocol=canal-json&partition-num=3&b=%2f",
            "kafka://h/t?sasl-password=a&sasl-password=b&x=1+2|kafka://h/t?sasl-password=xxxxx&x=1+2",
            "kafka://h/t?b=%2f&sasl-password=|kafka://h/t?b=%2F&sasl-password=xxxxx",
            "blackhole://|blackhole:",
            "blackhole://?aa=bb|blackhole:?aa=bb",
            "BLACKHOLE:///|blackhole:///",
            "kafka://h/t?sasl-password=1&sasl-mechanism=plain#f|kafka://h/t?sasl-mechanism=plain&sasl-password=xxxxx#f",
        })
        void the_password_and_sasl_password_are_hidden(String raw, String masked) {
            assertThat(SinkUris.mask(raw)).isEqualTo(masked);
        }

        @Test
        void an_unparsable_URI_masks_to_the_empty_string() {
            assertThat(SinkUris.mask("127.0.0.1:3306")).isEmpty();
        }

        @Test
        void masking_for_errors_hides_every_secret_looking_query_key_and_re_encodes_the_query() {
            assertThat(SinkUris.maskForError("kafka://u:p@h/t?AccessKey=1&token=2&protocol=canal-json&b=x"))
                    .isEqualTo("kafka://u:xxxxx@h/t?AccessKey=xxxxx&b=x&protocol=canal-json&token=xxxxx");
        }

        @Test
        void masking_for_errors_reports_an_invalid_uri_without_echoing_it() {
            assertThat(SinkUris.maskForError("127.0.0.1:3306")).isEqualTo("<invalid uri>");
            assertThat(SinkUris.maskForError("")).isEmpty();
        }

        @Test
        void masking_for_errors_treats_an_empty_rendering_like_a_failure() {
            assertThat(SinkUris.maskForError("#")).isEqualTo("<invalid uri>");
        }
    }
}
