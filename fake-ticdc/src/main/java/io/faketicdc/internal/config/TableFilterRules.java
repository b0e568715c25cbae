package io.faketicdc.internal.config;

import java.util.List;

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
            return "cannot open filter file: open " + trim(line.substring(1)) + ": no such file or directory";
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
            int j = i + 1;
            while (j < line.length() && line.charAt(j) != '/') {
                if (line.charAt(j) == '\\') j++;
                j++;
            }
            if (j >= line.length()) return "syntax error: incomplete regexp";
            pos[0] = j + 1;
            return null;
        }
        if (first == '"' || first == '`') {
            int j = i + 1;
            while (true) {
                if (j >= line.length()) return "syntax error: incomplete quoted identifier";
                if (line.charAt(j) == first) {
                    if (j + 1 < line.length() && line.charAt(j + 1) == first) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j++;
            }
            pos[0] = j + 1;
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
                int end = charClassEnd(line, i);
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

    /** {@code [!?(\\[^0-9a-zA-Z]|[^\\\]])+]}: returns the index after the class, or -1. */
    private static int charClassEnd(String line, int start) {
        int j = start + 1;
        if (j < line.length() && line.charAt(j) == '!') j++;
        int items = 0;
        while (j < line.length()) {
            char c = line.charAt(j);
            if (c == ']') return items > 0 ? j + 1 : -1;
            if (c == '\\') {
                if (j + 1 >= line.length() || Character.isLetterOrDigit(line.charAt(j + 1))) return -1;
                j += 2;
            } else {
                j++;
            }
            items++;
        }
        return -1;
    }

    private static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) a++;
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) b--;
        return s.substring(a, b);
    }
}
