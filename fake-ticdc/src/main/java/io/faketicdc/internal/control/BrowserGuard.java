package io.faketicdc.internal.control;

import io.faketicdc.CaptureInfo;
import io.faketicdc.internal.http.ApiRequest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps web pages away from the control API (which can move the clock, add faults and shut the
 * fake down, with no token on loopback): a page the developer has open in a browser can send
 * requests to 127.0.0.1, but
 *
 * <ul>
 *   <li>only "simple" ones cross-origin without asking first (a CORS preflight, which the fake
 *       never grants): a mutating control request must say {@code Content-Type: application/json},
 *       which a page can only send after a granted preflight;
 *   <li>a request carrying an {@code Origin} other than the fake's own is refused outright;
 *   <li>a page on {@code evil.example} whose name is rebound to 127.0.0.1 (DNS rebinding) still
 *       sends {@code Host: evil.example}: the {@code Host} must name the fake, by an IP literal,
 *       {@code localhost}, the bound or advertised host or a capture's address, with the port the
 *       request came in on or an advertised one.
 * </ul>
 *
 * Each check answers a refusal in words, or null.
 */
final class BrowserGuard {
    private final ControlledFake fake;

    BrowserGuard(ControlledFake fake) {
        this.fake = fake;
    }

    String refusal(ApiRequest request) {
        String host = request.header("Host");
        if (host != null && !knownHost(host.trim(), request.localPort())) {
            return "Host " + host.trim() + " does not name this fake (DNS rebinding defence): use its address, e.g. 127.0.0.1:"
                    + request.localPort();
        }
        String origin = request.header("Origin");
        if (origin != null && (host == null || !origin.trim().equalsIgnoreCase(ownOrigin(host)))) {
            return "cross-origin requests are refused (Origin " + origin.trim() + ")";
        }
        return null;
    }

    private String ownOrigin(String host) {
        return fake.config().tls() == null ? "http://" + host.trim() : "https://" + host.trim();
    }

    /** A mutating request without a JSON content type: a browser can send one cross-origin unasked. */
    static boolean needsJson(ApiRequest request) {
        String m = request.method().toUpperCase(Locale.ROOT);
        if (m.equals("GET") || m.equals("HEAD")) return false;
        String type = request.header("Content-Type");
        if (type == null) return true;
        String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return !(media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json"));
    }

    private boolean knownHost(String hostHeader, int localPort) {
        String name;
        int port;
        try {
            HostPort hp = HostPort.parse(hostHeader);
            name = hp.name();
            port = hp.port();
        } catch (IllegalArgumentException e) {
            return false;
        }
        Set<String> names = new HashSet<>(Set.of("localhost"));
        Set<Integer> ports = new HashSet<>(Set.of(localPort));
        names.add(HostPort.bare(fake.config().host()));
        addAddress(fake.config().advertiseAddr(), names, ports);
        for (CaptureInfo c : fake.captures()) addAddress(c.address(), names, ports);
        boolean nameOk = names.contains(name) || HostPort.ipLiteral(name);
        return nameOk && ports.contains(port < 0 ? 80 : port);
    }

    private static void addAddress(String address, Set<String> names, Set<Integer> ports) {
        if (address == null || address.isBlank()) return;
        try {
            HostPort hp = HostPort.parse(address);
            names.add(hp.name());
            if (hp.port() >= 0) ports.add(hp.port());
        } catch (IllegalArgumentException ignored) {
            // an address we cannot read names nothing
        }
    }

    /** {@code host[:port]}, {@code [v6][:port]}; the name lower-cased, without brackets or a trailing dot; port -1 when absent. */
    record HostPort(String name, int port) {
        static HostPort parse(String s) {
            String name;
            String port = null;
            if (s.startsWith("[")) {
                int end = s.indexOf(']');
                if (end < 0) throw new IllegalArgumentException(s);
                name = s.substring(1, end);
                if (end + 1 < s.length()) {
                    if (s.charAt(end + 1) != ':') throw new IllegalArgumentException(s);
                    port = s.substring(end + 2);
                }
            } else {
                int colon = s.lastIndexOf(':');
                if (colon >= 0 && s.indexOf(':') == colon) {
                    name = s.substring(0, colon);
                    port = s.substring(colon + 1);
                } else {
                    name = s; // a bare name, or an unbracketed IPv6 literal
                }
            }
            int p = -1;
            if (port != null) {
                if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException(s);
                p = Integer.parseInt(port);
            }
            return new HostPort(bare(name), p);
        }

        static String bare(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("[") && n.endsWith("]")) n = n.substring(1, n.length() - 1);
            return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        }

        /** An IPv4 dotted quad or an IPv6 literal: no DNS name, so nothing to rebind. */
        static boolean ipLiteral(String name) {
            if (name.contains(":")) return name.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
            String[] parts = name.split("\\.", -1);
            if (parts.length != 4) return false;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) return false;
            }
            return true;
        }
    }
}
