package io.faketicdc.internal.config;

import java.util.Locale;

/**
 * A downstream as a script names it: a host with a port, or a host alone (any port). Written as
 * {@code host}, {@code host:port}, {@code [ipv6]:port}, or a sink URI {@code scheme://host[:port]}
 * whose scheme must be a sink scheme; a MySQL/TiDB or Pulsar URI without a port means the port
 * the real sink dials by default (4000, 6650...).
 *
 * @param host lower case, without brackets
 * @param port 1-65535, or -1 for any port
 */
public record DownstreamAddress(String host, int port) {

    /** Parses a script's downstream; an {@link IllegalArgumentException} says what is wrong. */
    public static DownstreamAddress parse(String s) {
        if (s == null || s.isBlank()) throw new IllegalArgumentException("a downstream address is required (host or host:port)");
        String text = s.trim();
        int sep = text.indexOf("://");
        if (sep >= 0) {
            String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
            SinkScheme kind = SinkScheme.of(scheme);
            if (kind == SinkScheme.UNSUPPORTED || kind == SinkScheme.BLACKHOLE) {
                throw new IllegalArgumentException("unknown sink scheme '" + scheme
                        + "' in downstream '" + s + "' (mysql, tidb, kafka, pulsar, s3, gcs, azblob...)");
            }
            String rest = text.substring(sep + 3);
            int end = firstOf(rest, "/?#");
            int at = rest.lastIndexOf('@', end < 0 ? rest.length() : end);
            String hostPort = rest.substring(at + 1, end < 0 ? rest.length() : end);
            int comma = hostPort.indexOf(',');
            if (comma >= 0) hostPort = hostPort.substring(0, comma);
            DownstreamAddress a = hostPort(hostPort, s);
            return a.port >= 0 ? a : new DownstreamAddress(a.host, SinkTargets.defaultPort(scheme));
        }
        return hostPort(text, s);
    }

    private static DownstreamAddress hostPort(String hp, String original) {
        String host;
        String port = null;
        if (hp.startsWith("[")) {
            int close = hp.indexOf(']');
            if (close < 0) throw unparsable(original);
            host = hp.substring(1, close);
            String tail = hp.substring(close + 1);
            if (!tail.isEmpty()) {
                if (!tail.startsWith(":")) throw unparsable(original);
                port = tail.substring(1);
            }
            if (!host.matches("[0-9A-Fa-f:.]+") || host.indexOf(':') < 0) throw unparsable(original);
        } else {
            int colon = hp.lastIndexOf(':');
            if (colon >= 0 && hp.indexOf(':') != colon) throw unparsable(original); // bare IPv6: brackets needed
            host = colon < 0 ? hp : hp.substring(0, colon);
            if (colon >= 0) port = hp.substring(colon + 1);
            if (!host.matches("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?")) throw unparsable(original);
        }
        int p = -1;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = 0;
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("the port of downstream '" + original + "' must be a number from 1 to 65535");
            }
        }
        return new DownstreamAddress(host.toLowerCase(Locale.ROOT), p);
    }

    private static IllegalArgumentException unparsable(String s) {
        return new IllegalArgumentException("unparsable downstream '" + s + "' (expected host, host:port, [ipv6]:port or scheme://host:port)");
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }

    /** Whether a sink's target is this downstream (same host; same port unless this names none). */
    public boolean matches(SinkTargets.Target t) {
        return host.equals(t.host()) && (port < 0 || port == t.port());
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port < 0 ? h : h + ":" + port;
    }
}
