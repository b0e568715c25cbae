package io.faketicdc.internal.config;

import io.faketicdc.internal.json.GoStruct;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Which upstream tables a changefeed's {@code filter.rules} select, with TiDB table-filter
 * semantics: the last matching rule decides, {@code !} excludes, no match excludes, and names
 * compare case-insensitively unless {@code case_sensitive}. Rules must already be valid.
 *
 * <p>Nothing is cached or kept: each rule is compiled, tried against every table and dropped, so
 * selecting with a million rules needs memory for one rule at a time, and a deleted changefeed's
 * rules are not kept alive anywhere. A changefeed keeps only its selection (one flag per table).
 */
public final class TableFilters {
    private TableFilters() { }

    /** One compiled rule: schema and table patterns, and whether it selects or excludes. */
    private record Rule(Pattern schema, Pattern table, boolean positive) { }

    /** Which of {@code n} tables (by index: database and table names) a config's filter selects. */
    public static boolean[] select(GoStruct config, int n, IntFunction<String> database, IntFunction<String> table) {
        GoStruct filter = config.struct("filter");
        List<?> rules = filter != null && filter.get("rules") instanceof List<?> r && !r.isEmpty() ? r : List.of("*.*");
        boolean caseSensitive = Boolean.TRUE.equals(config.get("case_sensitive"));
        boolean[] selected = new boolean[n];
        if (rules.size() == 1 && "*.*".equals(rules.get(0))) {
            // the default filter: "*" matches any name (also an empty one), so every table, with no
            // pattern to compile (most changefeeds, and every seed without a config, have only it)
            java.util.Arrays.fill(selected, true);
            return selected;
        }
        for (Object o : rules) {
            Rule rule = compile((String) o, caseSensitive);
            if (rule == null) continue;
            for (int i = 0; i < n; i++) {
                if (rule.schema().matcher(database.apply(i)).matches() && rule.table().matcher(table.apply(i)).matches()) {
                    selected[i] = rule.positive();
                }
            }
        }
        return selected;
    }

    /** One rule compiled, or null for a blank line, a comment or no separator. */
    private static Rule compile(String line, boolean caseSensitive) {
        String rule = line.strip();
        if (rule.isEmpty() || rule.startsWith("#")) return null;
        boolean positive = !rule.startsWith("!");
        if (!positive) rule = rule.substring(1);
        int dot = separator(rule);
        if (dot < 0) return null;
        return new Rule(pattern(rule.substring(0, dot), caseSensitive), pattern(rule.substring(dot + 1), caseSensitive), positive);
    }

    /** The dot between the schema and table patterns (not inside quotes, classes or regexps). */
    private static int separator(String rule) {
        char quote = 0;
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '/') i++;
            } else if (c == '"' || c == '`' || c == '/') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '\\') {
                i++;
            } else if (c == '.') {
                return i;
            }
        }
        return -1;
    }

    /** A schema or table pattern as a regular expression that must match the whole name. */
    private static Pattern pattern(String pattern, boolean caseSensitive) {
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        if (pattern.length() >= 2 && pattern.startsWith("/") && pattern.endsWith("/")) {
            return Pattern.compile(".*(?:" + pattern.substring(1, pattern.length() - 1) + ").*", flags | Pattern.DOTALL);
        }
        if (pattern.length() >= 2 && (pattern.charAt(0) == '"' || pattern.charAt(0) == '`')) {
            String literal = pattern.substring(1, pattern.length() - 1).replace(
                    String.valueOf(pattern.charAt(0)) + pattern.charAt(0), String.valueOf(pattern.charAt(0)));
            return Pattern.compile(Pattern.quote(literal), flags);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') re.append(".*");
            else if (c == '?') re.append('.');
            else if (c == '[') {
                int end = pattern.indexOf(']', i + 1);
                String cls = pattern.substring(i + 1, end);
                re.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                i = end;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), flags | Pattern.DOTALL);
    }
}
