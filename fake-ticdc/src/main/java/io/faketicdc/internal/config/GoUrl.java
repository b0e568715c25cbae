package io.faketicdc.internal.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's net/url as TiCDC uses it on sink URIs: {@code url.Parse} with its error texts, the
 * {@code String()} re-serialisation (so {@code blackhole://} comes back as {@code blackhole:}),
 * {@code Redacted()} and {@code Query().Encode()}.
 */
public final class GoUrl {
    String scheme = "";
    String opaque = "";
    String username;
    String password;
    boolean hasUser;
    boolean passwordSet;
    String host = "";
    String path = "";
    String rawPath = "";
    boolean forceQuery;
    boolean omitHost;
    String rawQuery = "";
    String fragment = "";

    /** A parse failure: {@code parse "<url>": <reason>}. */
    public static final class UrlException extends Exception {
        private final String url;
        private final String reason;

        UrlException(String url, String reason) {
            super("parse " + goQuote(url) + ": " + reason, null, false, false);
            this.url = url;
            this.reason = reason;
        }

        public String url() { return url; }
        public String reason() { return reason; }

        /** The same error with its URL replaced (TiCDC masks it). */
        public String withUrl(String replacement) {
            return "parse " + goQuote(replacement) + ": " + reason;
        }
    }

    public String scheme() { return scheme; }
    public String host() { return host; }
    public String path() { return path; }
    public String rawQuery() { return rawQuery; }

    public static GoUrl parse(String raw) throws UrlException {
        int hash = raw.indexOf('#');
        String u = hash < 0 ? raw : raw.substring(0, hash);
        GoUrl url;
        try {
            url = parseNoFragment(u);
        } catch (IllegalArgumentException e) {
            throw new UrlException(u, e.getMessage());
        }
        if (hash >= 0) {
            try {
                url.fragment = unescape(raw.substring(hash + 1), false);
            } catch (IllegalArgumentException e) {
                throw new UrlException(raw, e.getMessage());
            }
        }
        return url;
    }

    private static GoUrl parseNoFragment(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) throw new IllegalArgumentException("net/url: invalid control character in URL");
        }
        GoUrl url = new GoUrl();
        if (raw.equals("*")) {
            url.path = "*";
            return url;
        }
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
            if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                if (i == 0) break;
                continue;
            }
            if (c == ':') {
                if (i == 0) throw new IllegalArgumentException("missing protocol scheme");
                url.scheme = raw.substring(0, i).toLowerCase(Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            url.forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                url.rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                url.opaque = rest;
                return url;
            }
            int slash = rest.indexOf('/');
            String segment = slash < 0 ? rest : rest.substring(0, slash);
            if (segment.contains(":")) throw new IllegalArgumentException("first path segment in URL cannot contain colon");
        }
        if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            url.parseAuthority(authority);
        } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
            url.omitHost = true;
        }
        url.path = unescape(rest, false);
        url.rawPath = rest;
        return url;
    }

    private void parseAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) return;
        String userinfo = authority.substring(0, at);
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 0x80 || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
            if (!ok) throw new IllegalArgumentException("net/url: invalid userinfo");
        }
        hasUser = true;
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            username = unescape(userinfo, false);
        } else {
            username = unescape(userinfo.substring(0, colon), false);
            password = unescape(userinfo.substring(colon + 1), false);
            passwordSet = true;
        }
    }

    private static String parseHost(String h) {
        if (h.startsWith("[")) {
            int close = h.lastIndexOf(']');
            if (close < 0) throw new IllegalArgumentException("missing ']' in host");
            String colonPort = h.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new IllegalArgumentException("invalid port " + goQuote(colonPort) + " after host");
            }
        } else {
            int colon = h.lastIndexOf(':');
            if (colon >= 0) {
                String colonPort = h.substring(colon);
                if (!validOptionalPort(colonPort)) {
                    throw new IllegalArgumentException("invalid port " + goQuote(colonPort) + " after host");
                }
            }
        }
        return unescape(h, true);
    }

    static boolean validOptionalPort(String port) {
        if (port.isEmpty()) return true;
        if (port.charAt(0) != ':') return false;
        for (int i = 1; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static String unescape(String s, boolean hostMode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    String bad = s.substring(i, Math.min(s.length(), i + 3));
                    throw new IllegalArgumentException("invalid URL escape " + goQuote(bad));
                }
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            if (hostMode && c < 0x80 && shouldEscapeHost(c)) {
                throw new IllegalArgumentException("invalid character " + goQuote(String.valueOf(c)) + " in host name");
            }
            byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean shouldEscapeHost(char c) {
        if (Character.isLetterOrDigit(c)) return false;
        return "-_.~!$&'()*+,;=:[]<>\"".indexOf(c) < 0;
    }

    /** Go's URL.String(). */
    @Override
    public String toString() {
        return render(passwordSet ? password : null);
    }

    /** Go's URL.Redacted(): the password replaced by {@code xxxxx}. */
    public String redacted() {
        return render(passwordSet ? "xxxxx" : null);
    }

    private String render(String pass) {
        StringBuilder b = new StringBuilder();
        if (!scheme.isEmpty()) b.append(scheme).append(':');
        if (!opaque.isEmpty()) {
            b.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || hasUser) {
                if (!(omitHost && host.isEmpty() && !hasUser)) {
                    if (!host.isEmpty() || !path.isEmpty() || hasUser) b.append("//");
                    if (hasUser) {
                        b.append(escapeUser(username));
                        if (passwordSet) b.append(':').append(escapeUser(pass));
                        b.append('@');
                    }
                    b.append(host);
                }
            }
            String p = rawPath;
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) b.append('/');
            if (b.length() == 0) {
                int slash = p.indexOf('/');
                if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) b.append("./");
            }
            b.append(p);
        }
        if (forceQuery || !rawQuery.isEmpty()) b.append('?').append(rawQuery);
        if (!fragment.isEmpty()) b.append('#').append(fragment);
        return b.toString();
    }

    private static String escapeUser(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~$&+,;=".indexOf(c) >= 0)) b.append((char) c);
            else b.append('%').append(String.format("%02X", c));
        }
        return b.toString();
    }

    /** url.ParseQuery: key to values in order of appearance (bad pairs skipped). */
    public Map<String, List<String>> query() {
        Map<String, List<String>> q = new TreeMap<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) continue;
            int eq = pair.indexOf('=');
            try {
                String k = queryUnescape(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : queryUnescape(pair.substring(eq + 1));
                q.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException ignored) {
                // Go skips a pair it cannot unescape
            }
        }
        return q;
    }

    public String queryFirst(String key) {
        List<String> v = query().get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Replaces the query with Values.Encode() of the given values (sorted keys). */
    public void encodeQuery(Map<String, List<String>> values) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(values).forEach((k, vs) -> {
            for (String v : vs) {
                if (b.length() > 0) b.append('&');
                b.append(queryEscape(k)).append('=').append(queryEscape(v));
            }
        });
        rawQuery = b.toString();
    }

    private static String queryUnescape(String s) {
        return unescape(s.replace('+', ' '), false);
    }

    private static String queryEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c == ' ') b.append('+');
            else if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.~".indexOf(c) >= 0)) b.append((char) c);
            else b.append('%').append(String.format("%02X", c));
        }
        return b.toString();
    }

    /** strconv.Quote for the ASCII-ish strings that appear here. */
    static String goQuote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else if (c == '\r') b.append("\\r");
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
