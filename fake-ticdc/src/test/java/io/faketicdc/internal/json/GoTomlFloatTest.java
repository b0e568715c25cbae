package io.faketicdc.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Floats in the new architecture's TOML answers: strconv.FormatFloat(f, 'g', -1, 64) as the
 * BurntSushi/toml encoder writes them, with ".0" added to a whole number, and Go's two-digit
 * exponent on both sides (encoding/json drops it for negative exponents).
 */
class GoTomlFloatTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "0.1, 0.1",
            "3, 3.0",
            "-2.5, -2.5",
            "0.0001, 0.0001",
            "0.00001, 1e-05",
            "1234567, 1.234567e+06",
            "100000, 100000.0",
            "1e21, 1e+21",
            "-1.5e-10, -1.5e-10",
    })
    void a_float_is_written_as_go_formats_it_with_g(double value, String toml) {
        assertThat(GoToml.formatFloat(value)).isEqualTo(toml);
    }

    @ParameterizedTest(name = "in JSON {0} is written {1}")
    @CsvSource({
            "0.00001, 0.00001",
            "1e-7, 1e-7",
            "1e21, 1e+21",
            "-1.5e-10, -1.5e-10",
    })
    void json_keeps_its_own_exponent_form(double value, String json) {
        assertThat(GoMarshal.formatFloat(value)).isEqualTo(json);
    }
}
