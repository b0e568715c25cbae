package io.faketicdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The spellings {@code --profile} and scenario tooling accept. */
class ProfileParseTest {

    @Test
    void the_cli_spellings_name_the_three_profiles() {
        assertThat(Profile.parse("master")).isEqualTo(Profile.MASTER);
        assertThat(Profile.parse("v7.3")).isEqualTo(Profile.V7_3);
        assertThat(Profile.parse("newarch")).isEqualTo(Profile.NEWARCH);
        assertThat(Profile.parse(" NEWARCH ")).isEqualTo(Profile.NEWARCH);
        assertThat(Profile.parse("new-arch")).isEqualTo(Profile.NEWARCH);
    }

    @Test
    void an_unknown_profile_names_the_ones_there_are() {
        assertThatThrownBy(() -> Profile.parse("v9")).hasMessage("unknown profile 'v9' (expected master, v7.3 or newarch)");
    }

    @Test
    void the_new_architecture_reports_v8_5_7() {
        assertThat(Profile.NEWARCH.defaultVersion()).isEqualTo("v8.5.7");
    }
}
