package io.faketicdc.internal.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax check of TiDB's table-filter rules ({@code schema.table} wildcard, quoted and
 * regexp patterns), returning the parser's message for the first bad rule, or null.
 */
final class TableFilterRules {
    private TableFilterRules() { }

    static String firstError(List<?> rules) {
        for (Object r : rules) {
            String err = check((String) r);
            if (err != null) return "at <cmdline>:1: " + err;
        }
        return null;
    }

    static String check(String rule) {
        String line = trim(rule);
        if (line.isEmpty() || line.charAt(0) == '#') return null;
        if (line.charAt(0) == '!') {
            line = line.substring(1);
        } else if (line.charAt(0) == '@') {
            // the file name is taken as is after '@' (not trimmed again)
            return "cannot open filter file: open " + line.substring(1) + ": no such file or directory";
        }
        int[] pos = {0};
        String err = pattern(line, pos);
        if (err != null) return err;
        if (pos[0] >= line.length()) return "wrong table pattern";
        if (line.charAt(pos[0]) != '.') return "syntax error: missing '.' between schema and table patterns";
        pos[0]++;
        err = pattern(line, pos);
        if (err != null) return err;
        if (pos[0] != line.length()) return "syntax error: stray characters after table pattern";
        return null;
    }

    private static String pattern(String line, int[] pos) {
        int i = pos[0];
        if (i >= line.length()) return "syntax error: missing pattern";
        char first = line.charAt(i);
        if (first == '/') {
            int end = matchEnd(REGEXP, line, i);
            if (end < 0) return "syntax error: incomplete regexp";
            pos[0] = end;
            return null;
        }
        if (first == '"' || first == '`') {
            int end = matchEnd(first == '"' ? DOUBLE_QUOTED : BACK_QUOTED, line, i);
            if (end < 0) return "syntax error: incomplete quoted identifier";
            pos[0] = end;
            return null;
        }
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (i == line.length() - 1) return "syntax error: cannot place \\ at end of line";
                char esc = line.charAt(i + 1);
                if (esc < 0x80 && Character.isLetterOrDigit(esc)) {
                    return "cannot escape a letter or number (\\" + esc + "), it is reserved for future extension";
                }
                i += 2;
            } else if (c == '.') {
                break;
            } else if (c == '*' || c == '?') {
                i++;
            } else if (c == '[') {
                int end = matchEnd(WILDCARD_RANGE, line, i);
                if (end < 0) return "syntax error: failed to parse character class";
                i = end;
            } else if (c == '$' || c == '_' || c >= 0x80 || (Character.isLetterOrDigit(c) && c < 0x80)) {
                i++;
            } else {
                return "unexpected special character '" + c + "'";
            }
        }
        pos[0] = i;
        return null;
    }

    /*
     * The parser's own token regexps. java.util.regex backtracks like Go's leftmost-first
     * matching on these, so "a""" style inputs split where the Go parser splits them. Go's '.'
     * stops only at \n (Java's would also stop at \r and other line terminators).
     */
    private static final Pattern REGEXP = Pattern.compile("/(?:\\\\[^\\n]|[^/])+/");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"(?:\"\"|[^\"])+\"");
    private static final Pattern BACK_QUOTED = Pattern.compile("`(?:``|[^`])+`");
    private static final Pattern WILDCARD_RANGE = Pattern.compile("\\[!?(?:\\\\[^0-9a-zA-Z]|[^\\\\\\]])+\\]");

    /** The end of a match of {@code p} anchored at {@code from}, or -1. */
    private static int matchEnd(Pattern p, String line, int from) {
        Matcher m = p.matcher(line).region(from, line.length());
        return m.lookingAt() ? m.end() : -1;
    }

    private static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) a++;
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) b--;
        return s.substring(a, b);
    }
}
