package io.faketicdc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.internal.json.JsonValue.JArray;
import io.faketicdc.internal.json.JsonValue.JBool;
import io.faketicdc.internal.json.JsonValue.JNumber;
import io.faketicdc.internal.json.JsonValue.JObject;
import io.faketicdc.internal.json.JsonValue.JString;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TiCDC's JSONDuration unmarshaling, time.ParseDuration and Duration.String(). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoDurationsTest {

    static String parseError(String s) {
        try {
            GoDurations.parse(s);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a parse error for " + s);
    }

    @Nested
    class ParseDuration {
        @ParameterizedTest(name = "{0} = {1} ns")
        @CsvSource(delimiter = '|', value = {
            "0|0", "+0|0", "-0|0", "0s|0", "10s|10000000000", "10m|600000000000", "1h30m|5400000000000",
            "-1s|-1000000000", "+5s|5000000000", "1.5h|5400000000000", "300ms|300000000", "1ns|1", "1us|1000",
            "1\u00b5s|1000", "1\u03bcs|1000", ".5s|500000000", "1.s|1000000000", "1h1m1s1ms1us1ns|3661001001001",
            "1.1h|3960000000000", "0.3ms|300000", "2.5ns|2", "1m1m|120000000000",
            "9223372036854775807ns|9223372036854775807", "-9223372036854775808ns|-9223372036854775808",
            "2562047h47m16.854775807s|9223372036854775807", "000001s|1000000000"})
        void valid_durations_parse_to_nanoseconds(String text, long nanos) {
            assertThat(GoDurations.parse(text)).isEqualTo(nanos);
        }

        @Test
        void a_fraction_is_scaled_in_float64_as_Go_does_so_eighteen_nines_round_up_to_a_whole_second() {
            // f=999999999999999999, scale=1e18: float64(f)*(1e9/1e18) is exactly 1e9 in IEEE arithmetic
            assertThat(GoDurations.parse("0.999999999999999999s")).isEqualTo(1_000_000_000L);
        }

        @Test
        void fraction_digits_beyond_uint64_precision_are_skipped_not_rejected() {
            assertThat(GoDurations.parse("1.0000000000000000000000000001s")).isEqualTo(1_000_000_000L);
            assertThat(GoDurations.parse("0.1234567890123456789999h")).isEqualTo(444444440444L);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "x|time: invalid duration \"x\"",
            "~~|time: invalid duration \"\"",
            "-|time: invalid duration \"-\"",
            "+|time: invalid duration \"+\"",
            "--1s|time: invalid duration \"--1s\"",
            ".s|time: invalid duration \".s\"",
            "-.s|time: invalid duration \"-.s\"",
            "1h.|time: invalid duration \"1h.\"",
            "s|time: invalid duration \"s\"",
            "1s s|time: unknown unit \"s s\" in duration \"1s s\"",
            "~ 1s~|time: invalid duration \" 1s\"",
            "10|time: missing unit in duration \"10\"",
            "1h1|time: missing unit in duration \"1h1\"",
            "1.5|time: missing unit in duration \"1.5\"",
            "10x|time: unknown unit \"x\" in duration \"10x\"",
            "10S|time: unknown unit \"S\" in duration \"10S\"",
            "1d|time: unknown unit \"d\" in duration \"1d\"",
            "1sec|time: unknown unit \"sec\" in duration \"1sec\"",
            "1h-1m|time: unknown unit \"h-\" in duration \"1h-1m\"",
            "9223372036854775808ns|time: invalid duration \"9223372036854775808ns\"",
            "-9223372036854775809ns|time: invalid duration \"-9223372036854775809ns\"",
            "2562048h|time: invalid duration \"2562048h\"",
            "9223372036854775807ns1ns|time: invalid duration \"9223372036854775807ns1ns\"",
        })
        void invalid_durations_fail_with_the_time_package_texts(String text, String message) {
            assertThat(parseError(text)).isEqualTo(message);
        }

        @Test
        void an_integer_part_beyond_two_to_the_63_is_invalid_before_the_unit_is_checked() {
            assertThat(parseError("99999999999999999999x"))
                    .isEqualTo("time: invalid duration \"99999999999999999999x\"");
        }

        @Test
        void quotes_and_backslashes_are_escaped_in_the_quoted_input() {
            assertThat(parseError("a\"b\\c")).isEqualTo("time: invalid duration \"a\\\"b\\\\c\"");
        }

        @Test
        void control_and_non_ASCII_characters_are_quoted_byte_by_byte_as_hex() {
            assertThat(parseError("1\t")).isEqualTo("time: unknown unit \"\\x09\" in duration \"1\\x09\"");
            assertThat(parseError("10\u00e9")).isEqualTo("time: unknown unit \"\\xc3\\xa9\" in duration \"10\\xc3\\xa9\"");
            assertThat(parseError("\u4e2d")).isEqualTo("time: invalid duration \"\\xe4\\xb8\\xad\"");
            assertThat(parseError("\ufffd")).isEqualTo("time: invalid duration \"\\xef\\xbf\\xbd\"");
        }

        @Test
        void DEL_is_printed_raw_by_the_time_package_quote() {
            assertThat(parseError("\u007f")).isEqualTo("time: invalid duration \"\u007f\"");
        }
    }

    @Nested
    class Json_duration {
        @Test
        void a_number_is_nanoseconds_truncated_toward_zero() {
            assertThat(GoDurations.bind(new JNumber("600000000000"))).isEqualTo(new GoDurations.Result(600000000000L, null));
            assertThat(GoDurations.bind(new JNumber("1.9")).nanos()).isEqualTo(1L);
            assertThat(GoDurations.bind(new JNumber("-1.9")).nanos()).isEqualTo(-1L);
            assertThat(GoDurations.bind(new JNumber("1e3")).nanos()).isEqualTo(1000L);
        }

        @Test
        void a_number_goes_through_float64_so_big_values_lose_precision() {
            assertThat(GoDurations.bind(new JNumber("9007199254740993")).nanos()).isEqualTo(9007199254740992L);
        }

        @Test
        void a_number_outside_int64_converts_to_the_amd64_indefinite_integer() {
            assertThat(GoDurations.bind(new JNumber("1e300")).nanos()).isEqualTo(Long.MIN_VALUE);
            assertThat(GoDurations.bind(new JNumber("9223372036854775808")).nanos()).isEqualTo(Long.MIN_VALUE);
            assertThat(GoDurations.bind(new JNumber("-9223372036854775808")).nanos()).isEqualTo(Long.MIN_VALUE);
        }

        @Test
        void a_number_beyond_float64_fails_inside_the_nested_Unmarshal() {
            assertThat(GoDurations.bind(new JNumber("-1e400")).error())
                    .isEqualTo("json: cannot unmarshal number -1e400 into Go value of type float64");
        }

        @Test
        void a_string_is_parsed_by_ParseDuration() {
            assertThat(GoDurations.bind(new JString("10m")).nanos()).isEqualTo(600_000_000_000L);
            assertThat(GoDurations.bind(new JString("x")).error()).isEqualTo("time: invalid duration \"x\"");
        }

        @Test
        void booleans_objects_and_arrays_are_an_invalid_duration() {
            for (JsonValue v : List.of(JBool.TRUE, JBool.FALSE, new JObject(List.of()), new JArray(List.of()))) {
                assertThat(GoDurations.bind(v).error()).isEqualTo("invalid duration");
            }
        }
    }

    @Nested
    class Duration_String {
        @ParameterizedTest(name = "{0} ns -> {1}")
        @CsvSource(delimiter = '|', value = {
            "0|0s", "1|1ns", "999|999ns", "1000|1\u00b5s", "1500|1.5\u00b5s", "1000000|1ms", "300000000|300ms",
            "1500000|1.5ms", "999999999|999.999999ms", "1000000000|1s", "1500000000|1.5s", "10000000000|10s",
            "30000000000|30s", "60000000000|1m0s", "1800000000000|30m0s", "3600000000000|1h0m0s",
            "5400000000000|1h30m0s", "3661001000000|1h1m1.001s", "86400000000000|24h0m0s", "-1|-1ns",
            "-1000000000|-1s", "-5400000000000|-1h30m0s", "1000000001|1.000000001s",
            "9223372036854775807|2562047h47m16.854775807s", "-9223372036854775808|-2562047h47m16.854775808s"})
        void it_formats_like_Go(long nanos, String text) {
            assertThat(GoDurations.format(nanos)).isEqualTo(text);
        }

        @Test
        void format_and_parse_round_trip() {
            for (long n : new long[] {1, 1500, 300_000_000L, 5_400_000_000_000L, -1_000_000_001L, Long.MAX_VALUE}) {
                assertThat(GoDurations.parse(GoDurations.format(n))).isEqualTo(n);
            }
        }
    }
}
