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
    String rawFragment = "";

    /** net/url's encoding modes (only the ones sink URIs need). */
    enum Mode { PATH, HOST, ZONE, USER, QUERY, FRAGMENT }

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
                url.rawFragment = raw.substring(hash + 1);
                url.fragment = unescape(url.rawFragment, Mode.FRAGMENT);
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
        url.path = unescape(rest, Mode.PATH);
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
            username = unescape(userinfo, Mode.USER);
        } else {
            username = unescape(userinfo.substring(0, colon), Mode.USER);
            password = unescape(userinfo.substring(colon + 1), Mode.USER);
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
            // RFC 6874: %25 starts a zone, which may %-escape more than a host may
            int zone = h.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return unescape(h.substring(0, zone), Mode.HOST) + unescape(h.substring(zone, close), Mode.ZONE)
                        + unescape(h.substring(close), Mode.HOST);
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
        return unescape(h, Mode.HOST);
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

    /**
     * net/url's unescape over the UTF-8 bytes: a bad {@code %} escape is quoted as its (up to)
     * three bytes; in a host only non-ASCII bytes (and {@code %25}) may be escaped, and ASCII
     * bytes the host may not contain are rejected.
     */
    private static String unescape(String str, Mode mode) {
        byte[] s = str.getBytes(StandardCharsets.UTF_8);
        boolean hostish = mode == Mode.HOST || mode == Mode.ZONE;
        for (int i = 0; i < s.length; ) {
            int c = s[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
                    throw new IllegalArgumentException("invalid URL escape "
                            + quoteBytes(java.util.Arrays.copyOfRange(s, i, Math.min(s.length, i + 3))));
                }
                boolean pct25 = s[i + 1] == '2' && s[i + 2] == '5';
                if (mode == Mode.HOST && unhex(s[i + 1]) < 8 && !pct25) {
                    throw new IllegalArgumentException("invalid URL escape " + quoteBytes(java.util.Arrays.copyOfRange(s, i, i + 3)));
                }
                if (mode == Mode.ZONE) {
                    int v = unhex(s[i + 1]) << 4 | unhex(s[i + 2]);
                    if (!pct25 && v != ' ' && shouldEscape(v, Mode.HOST)) {
                        throw new IllegalArgumentException("invalid URL escape " + quoteBytes(java.util.Arrays.copyOfRange(s, i, i + 3)));
                    }
                }
                i += 3;
                continue;
            }
            if (hostish && c < 0x80 && shouldEscape(c, mode)) {
                throw new IllegalArgumentException("invalid character " + quoteBytes(new byte[] {(byte) c}) + " in host name");
            }
            i++;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length);
        for (int i = 0; i < s.length; i++) {
            int c = s[i] & 0xff;
            if (c == '%') {
                out.write(unhex(s[i + 1]) << 4 | unhex(s[i + 2]));
                i += 2;
            } else if (c == '+' && mode == Mode.QUERY) {
                out.write(' ');
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static int unhex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        return b - 'A' + 10;
    }

    /** net/url's shouldEscape for one byte. */
    static boolean shouldEscape(int c, Mode mode) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
        if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) return false;
        if (c == '-' || c == '_' || c == '.' || c == '~') return false;
        if (c < 0x80 && "$&+,/:;=?@".indexOf(c) >= 0) {
            switch (mode) {
                case PATH: return c == '?';
                case USER: return c == '@' || c == '/' || c == '?' || c == ':';
                case QUERY: return true;
                case FRAGMENT: return false;
                default: break;
            }
        }
        if (mode == Mode.FRAGMENT && (c == '!' || c == '(' || c == ')' || c == '*')) return false;
        return true;
    }

    /** net/url's escape: bytes that need it become %XX (upper case); a query space becomes '+'. */
    static String escape(String str, Mode mode) {
        StringBuilder b = new StringBuilder();
        for (byte x : str.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c == ' ' && mode == Mode.QUERY) b.append('+');
            else if (shouldEscape(c, mode)) b.append('%').append(String.format("%02X", c));
            else b.append((char) c);
        }
        return b.toString();
    }

    private static boolean validEncoded(String s, Mode mode) {
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && "!$&'()*+,;=:@[]%".indexOf(c) >= 0) continue;
            if (shouldEscape(c, mode)) return false;
        }
        return true;
    }

    /** URL.EscapedPath(): the path as written when that is a valid encoding of it, else re-escaped. */
    String escapedPath() {
        if (!rawPath.isEmpty() && validEncoded(rawPath, Mode.PATH)) {
            try {
                if (unescape(rawPath, Mode.PATH).equals(path)) return rawPath;
            } catch (IllegalArgumentException ignored) {
                // fall through to escaping
            }
        }
        if (path.equals("*")) return "*";
        return escape(path, Mode.PATH);
    }

    /** URL.EscapedFragment(). */
    String escapedFragment() {
        if (!rawFragment.isEmpty() && validEncoded(rawFragment, Mode.FRAGMENT)) {
            try {
                if (unescape(rawFragment, Mode.FRAGMENT).equals(fragment)) return rawFragment;
            } catch (IllegalArgumentException ignored) {
                // fall through to escaping
            }
        }
        return escape(fragment, Mode.FRAGMENT);
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
                        b.append(escape(username, Mode.USER));
                        if (passwordSet) b.append(':').append(escape(pass, Mode.USER));
                        b.append('@');
                    }
                    b.append(escape(host, Mode.HOST));
                }
            }
            String p = escapedPath();
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) b.append('/');
            if (b.length() == 0) {
                int slash = p.indexOf('/');
                if ((slash < 0 ? p : p.substring(0, slash)).contains(":")) b.append("./");
            }
            b.append(p);
        }
        if (forceQuery || !rawQuery.isEmpty()) b.append('?').append(rawQuery);
        if (!fragment.isEmpty()) b.append('#').append(escapedFragment());
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
        return unescape(s, Mode.QUERY);
    }

    private static String queryEscape(String s) {
        return escape(s, Mode.QUERY);
    }

    /** strconv.Quote (what {@code %q} prints). */
    static String goQuote(String s) {
        return quoteBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * strconv.Quote over bytes: printable runes raw, the C escapes for \\a \\b \\f \\n \\r \\t \\v,
     * other ASCII controls and invalid bytes as \\xNN, other non-printable runes as \\u or \\U.
     */
    static String quoteBytes(byte[] s) {
        StringBuilder b = new StringBuilder("\"");
        int i = 0;
        while (i < s.length) {
            int c = s[i] & 0xff;
            int size = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
            int cp = -1;
            if (size == 1) {
                cp = c;
            } else if (size > 1 && i + size <= s.length) {
                String r = new String(s, i, size, StandardCharsets.UTF_8);
                int first = r.codePointAt(0);
                byte[] back = new String(Character.toChars(first)).getBytes(StandardCharsets.UTF_8);
                if (back.length == size && java.util.Arrays.equals(back, 0, size, s, i, i + size)) cp = first;
            }
            if (cp < 0) {
                b.append(String.format("\\x%02x", c));
                i++;
                continue;
            }
            i += cp < 0x80 ? 1 : size;
            switch (cp) {
                case '"': b.append("\\\""); continue;
                case '\\': b.append("\\\\"); continue;
                case 0x07: b.append("\\a"); continue;
                case '\b': b.append("\\b"); continue;
                case '\f': b.append("\\f"); continue;
                case '\n': b.append("\\n"); continue;
                case '\r': b.append("\\r"); continue;
                case '\t': b.append("\\t"); continue;
                case 0x0b: b.append("\\v"); continue;
                default: break;
            }
            if (cp < 0x20 || cp == 0x7f) b.append(String.format("\\x%02x", cp));
            else if (isPrint(cp)) b.appendCodePoint(cp);
            else if (cp < 0x10000) b.append(String.format("\\u%04x", cp));
            else b.append(String.format("\\U%08x", cp));
        }
        return b.append('"').toString();
    }

    /** strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') return true;
        switch (Character.getType(cp)) {
            case Character.CONTROL: case Character.FORMAT: case Character.PRIVATE_USE: case Character.SURROGATE:
            case Character.UNASSIGNED: case Character.SPACE_SEPARATOR: case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
