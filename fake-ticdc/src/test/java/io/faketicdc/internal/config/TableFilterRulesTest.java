package io.faketicdc.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The TiDB table-filter parser's syntax errors, as TiCDC reports them for filter.rules. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TableFilterRulesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"*.*", "a.b", "db.*", "*.t", "!a.b", "!*.*", "a?.b*", "[abc].[!x]t", "[^a].b", "[a-z0-9_].b",
        "`a.b`.c", "\"a.b\".c", "`a``b`.c", "\"a\"\"b\".c", "/^a$/.b", "/a\\/b/.c", "/a.*/./b|c/", "$x_1.\u00e9\u4e2d",
        "a\\.b.c", "a\\*.b", "  a.b  ", "\ta.b", "[\\]].b", "[\\-a].b", "[!!].b", ".b", "\"a\"\".b\".c"})
    void well_formed_rules_are_accepted(String rule) {
        assertThat(TableFilterRules.check(rule)).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "   ", "\t", "#", "# a comment with spaces b c", "  #x.y.z"})
    void blank_lines_and_comments_are_skipped(String rule) {
        assertThat(TableFilterRules.check(rule)).isNull();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "a.b.c|syntax error: stray characters after table pattern",
        "a.b c|unexpected special character ' '",
        "[|syntax error: failed to parse character class",
        "[]|syntax error: failed to parse character class",
        "a[b|syntax error: failed to parse character class",
        "[\\a].b|syntax error: failed to parse character class",
        "abc|wrong table pattern",
        "a.|syntax error: missing pattern",
        "a..b|syntax error: stray characters after table pattern",
        "[!]].b|unexpected special character ']'",
        "!|syntax error: missing pattern",
        "a b.c|unexpected special character ' '",
        "! a.b|unexpected special character ' '",
        "a-b.c|unexpected special character '-'",
        "a.b-c|unexpected special character '-'",
        "a]b.c|unexpected special character ']'",
        "a#.b|unexpected special character '#'",
        "a\\1.b|cannot escape a letter or number (\\1), it is reserved for future extension",
        "a.b\\z|cannot escape a letter or number (\\z), it is reserved for future extension",
        "a\\|syntax error: cannot place \\ at end of line",
        "/ab|syntax error: incomplete regexp",
        "//.b|syntax error: incomplete regexp",
        "a./b|syntax error: incomplete regexp",
        "\"ab|syntax error: incomplete quoted identifier",
        "\"\".b|syntax error: incomplete quoted identifier",
        "``.b|syntax error: incomplete quoted identifier",
        "`ab|syntax error: incomplete quoted identifier",
        "\"a\"b.c|syntax error: missing '.' between schema and table patterns",
        "/a/b.c|syntax error: missing '.' between schema and table patterns",
        "\"a\"\".t|syntax error: missing '.' between schema and table patterns",
        "`a``.t|syntax error: missing '.' between schema and table patterns",
        "a.\"b\"c|syntax error: stray characters after table pattern",
        "a./b/c|syntax error: stray characters after table pattern",
    })
    void a_malformed_rule_gets_the_parsers_message(String rule, String message) {
        assertThat(TableFilterRules.check(rule)).isEqualTo(message);
    }

    @Test
    void an_empty_schema_or_table_literal_before_or_after_the_dot_is_accepted_as_Go_does() {
        assertThat(TableFilterRules.check(".b")).isNull();
        assertThat(TableFilterRules.check("a.")).isEqualTo("syntax error: missing pattern");
    }

    @Test
    void a_comment_marker_counts_only_as_the_first_character_after_trimming() {
        assertThat(TableFilterRules.check("#a.b")).isNull();
        assertThat(TableFilterRules.check("!#a.b")).isEqualTo("unexpected special character '#'");
    }

    @Test
    void a_regexp_ends_at_the_first_unescaped_slash() {
        assertThat(TableFilterRules.check("/a\\/b/.c")).isNull();
        assertThat(TableFilterRules.check("/a\\\\/.c")).isNull();
    }

    @Test
    void an_import_names_the_file_exactly_as_written_after_the_at_sign() {
        assertThat(TableFilterRules.check("@nope")).isEqualTo("cannot open filter file: open nope: no such file or directory");
        assertThat(TableFilterRules.check("  @ nope")).isEqualTo("cannot open filter file: open  nope: no such file or directory");
        assertThat(TableFilterRules.check("@")).isEqualTo("cannot open filter file: open : no such file or directory");
    }

    @Test
    void the_first_bad_rule_is_reported_at_cmdline_line_1_whatever_its_position() {
        assertThat(TableFilterRules.firstError(List.of("*.*", "# c", "", "a.b", "abc", "a.b.c")))
                .isEqualTo("at <cmdline>:1: wrong table pattern");
        assertThat(TableFilterRules.firstError(List.of("a.b.c")))
                .isEqualTo("at <cmdline>:1: syntax error: stray characters after table pattern");
    }

    @Test
    void a_list_of_good_or_skipped_rules_has_no_error() {
        assertThat(TableFilterRules.firstError(List.of())).isNull();
        assertThat(TableFilterRules.firstError(List.of("*.*", "!test.*", "#x", " "))).isNull();
    }
}
