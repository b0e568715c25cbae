package io.faketicdc.internal.config;

import io.faketicdc.internal.json.GoStruct;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which upstream tables a changefeed's {@code filter.rules} select, with TiDB table-filter
 * semantics: the last matching rule decides, {@code !} excludes, no match excludes, and names
 * compare case-insensitively unless {@code case_sensitive}. Rules must already be valid.
 */
public final class TableFilters {
    private TableFilters() { }

    /** One compiled rule: schema and table patterns, and whether it selects or excludes. */
    private record Rule(Pattern schema, Pattern table, boolean positive) { }

    /** Compiled rule lists, shared: most changefeeds use the same few filters (e.g. {@code *.*}). */
    private static final Map<List<Object>, List<Rule>> COMPILED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, List<Rule>> eldest) {
                    return size() > 256;
                }
            });

    /** Whether a changefeed with this config replicates table {@code database.table}. */
    public static boolean replicates(GoStruct config, String database, String table) {
        GoStruct filter = config.struct("filter");
        List<?> rules = filter != null && filter.get("rules") instanceof List<?> r && !r.isEmpty() ? r : List.of("*.*");
        boolean caseSensitive = Boolean.TRUE.equals(config.get("case_sensitive"));
        List<Object> key = List.of(List.copyOf(rules), caseSensitive);
        List<Rule> compiled = COMPILED.get(key);
        if (compiled == null) {
            compiled = compile(rules, caseSensitive);
            COMPILED.put(key, compiled);
        }
        boolean selected = false;
        for (Rule rule : compiled) {
            if (rule.schema().matcher(database).matches() && rule.table().matcher(table).matches()) {
                selected = rule.positive();
            }
        }
        return selected;
    }

    private static List<Rule> compile(List<?> rules, boolean caseSensitive) {
        List<Rule> out = new java.util.ArrayList<>();
        for (Object o : rules) {
            String rule = ((String) o).strip();
            if (rule.isEmpty() || rule.startsWith("#")) continue;
            boolean positive = !rule.startsWith("!");
            if (!positive) rule = rule.substring(1);
            int dot = separator(rule);
            if (dot < 0) continue;
            out.add(new Rule(pattern(rule.substring(0, dot), caseSensitive),
                    pattern(rule.substring(dot + 1), caseSensitive), positive));
        }
        return List.copyOf(out);
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
