package io.faketicdc.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Go's url.ParseQuery, read lazily: '&' separated pairs, '+' is space, bad pairs skipped. */
final class QueryString {
    private QueryString() { }

    static String first(String rawQuery, String name) {
        if (rawQuery == null || rawQuery.isEmpty()) return "";
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            String pair = rawQuery.substring(start, end);
            if (!pair.isEmpty() && pair.indexOf(';') < 0) {
                int eq = pair.indexOf('=');
                String key = unescape(eq < 0 ? pair : pair.substring(0, eq));
                if (name.equals(key)) {
                    String value = eq < 0 ? "" : unescape(pair.substring(eq + 1));
                    if (value != null) return value;
                }
            }
            if (amp < 0) break;
            start = amp + 1;
        }
        return "";
    }

    /** QueryUnescape; null when the escape is invalid (Go then skips the pair). */
    static String unescape(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) return null;
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
