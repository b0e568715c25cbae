package io.faketicdc.internal.routes;

import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.config.SinkScheme;
import io.faketicdc.internal.config.SinkTargets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code dial} sink check: connects to the hosts a sink would open, with a short timeout, and
 * words a failure as Go's dialer does ({@code dial tcp 127.0.0.1:1111: connect: connection
 * refused}, {@code dial tcp: lookup x.invalid: no such host}, {@code ... i/o timeout}) inside the
 * scheme's error. A {@code file} sink checks that its folder can be created. Runs before the
 * cluster's lock.
 */
final class SinkDialer {
    /** Far shorter than the real clients' (2 min for MySQL, 10 s per Kafka broker). */
    static final int TIMEOUT_MILLIS = 1000;

    private SinkDialer() { }

    /**
     * The dial error opening the sink meets (the cause its scheme's error wraps, see
     * {@link SinkTargets#failure}), or null when it reaches a host (or has none to reach).
     */
    static String dial(GoUrl uri, SinkTargets sink) {
        if (sink.scheme().equals("file")) return localFolder(uri, sink);
        String firstCause = null;
        for (SinkTargets.Target t : sink.targets()) {
            if (t.port() < 0 && sink.kind() == SinkScheme.STORAGE) return null; // a cloud bucket: not dialed
            String cause = t.port() < 0 ? SinkTargets.refused(t) : connect(t);
            if (cause == null) return null;
            if (firstCause == null) firstCause = cause;
        }
        return firstCause;
    }

    /** Go's dial error text, or null when the connection opened. */
    static String connect(SinkTargets.Target t) {
        InetAddress address;
        try {
            // RFC 6761: names under .invalid never resolve; no resolver is asked
            if (t.host().endsWith(".invalid") || t.host().equals("invalid")) throw new UnknownHostException(t.host());
            address = InetAddress.getByName(t.host());
        } catch (UnknownHostException e) {
            return "dial tcp: lookup " + t.host() + ": no such host";
        }
        String shown = goHost(address) + ":" + t.port();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, t.port()), TIMEOUT_MILLIS);
            return null;
        } catch (SocketTimeoutException e) {
            return "dial tcp " + shown + ": i/o timeout";
        } catch (ConnectException e) {
            return "dial tcp " + shown + ": connect: connection refused";
        } catch (IOException e) {
            String why = e.getMessage() == null ? "network is unreachable" : e.getMessage().toLowerCase(Locale.ROOT);
            return "dial tcp " + shown + ": connect: " + why;
        }
    }

    /**
     * The address as Go's dial error shows it: IPv4 dotted; IPv6 bracketed in its short form
     * (RFC 5952, as Go's netip.Addr.String: the longest run of two or more zero groups, the first
     * on a tie, becomes {@code ::}), so {@code [::1]} where Java writes {@code 0:0:0:0:0:0:0:1}.
     */
    static String goHost(InetAddress address) {
        if (!(address instanceof Inet6Address)) return address.getHostAddress();
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLen - 1;
                continue;
            }
            if (out.length() > 1 && out.charAt(out.length() - 1) != ':') out.append(':');
            out.append(Integer.toHexString(groups[i]));
        }
        return out.append(']').toString();
    }

    /** TiDB's local storage makes the folder (MkdirAll) and stats a file: only a folder it cannot make fails. */
    private static String localFolder(GoUrl uri, SinkTargets sink) {
        Path p;
        try {
            p = Path.of(uri.path().isEmpty() ? "." : uri.path()).toAbsolutePath();
        } catch (RuntimeException e) {
            return null;
        }
        Path missing = null;
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            missing = existing;
            existing = existing.getParent();
        }
        if (missing == null || existing == null) return null;
        if (!Files.isDirectory(existing)) return "mkdir " + existing + ": not a directory";
        if (!Files.isWritable(existing)) return "mkdir " + missing + ": permission denied";
        return null;
    }
}
