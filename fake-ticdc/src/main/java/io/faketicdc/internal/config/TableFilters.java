package io.faketicdc.internal.config;

import io.faketicdc.internal.cluster.UpstreamTable;
import io.faketicdc.internal.json.GoStruct;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which upstream tables a changefeed's {@code filter.rules} select, with TiDB table-filter
 * semantics: the last matching rule decides, {@code !} excludes, no match excludes, and names
 * compare case-insensitively unless {@code case_sensitive}. Rules must already be valid.
 */
public final class TableFilters {
    private TableFilters() { }

    public static boolean replicates(GoStruct config, UpstreamTable table) {
        GoStruct filter = config.struct("filter");
        List<?> rules = filter != null && filter.get("rules") instanceof List<?> r && !r.isEmpty() ? r : List.of("*.*");
        boolean caseSensitive = Boolean.TRUE.equals(config.get("case_sensitive"));
        boolean selected = false;
        for (Object o : rules) {
            String rule = ((String) o).strip();
            if (rule.isEmpty() || rule.startsWith("#")) continue;
            boolean positive = !rule.startsWith("!");
            if (!positive) rule = rule.substring(1);
            int dot = separator(rule);
            if (dot < 0) continue;
            if (matches(rule.substring(0, dot), table.database(), caseSensitive)
                    && matches(rule.substring(dot + 1), table.table(), caseSensitive)) {
                selected = positive;
            }
        }
        return selected;
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

    private static boolean matches(String pattern, String name, boolean caseSensitive) {
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        if (pattern.length() >= 2 && pattern.startsWith("/") && pattern.endsWith("/")) {
            return Pattern.compile(pattern.substring(1, pattern.length() - 1), flags).matcher(name).find();
        }
        if (pattern.length() >= 2 && (pattern.charAt(0) == '"' || pattern.charAt(0) == '`')) {
            String literal = pattern.substring(1, pattern.length() - 1).replace(
                    String.valueOf(pattern.charAt(0)) + pattern.charAt(0), String.valueOf(pattern.charAt(0)));
            return caseSensitive ? literal.equals(name) : literal.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
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
        return Pattern.compile(re.toString(), flags | Pattern.DOTALL).matcher(name).matches();
    }
}
