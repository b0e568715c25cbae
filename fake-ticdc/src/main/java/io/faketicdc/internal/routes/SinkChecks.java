package io.faketicdc.internal.routes;

import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.config.SinkScheme;
import io.faketicdc.internal.config.SinkUris;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.json.GoStruct;

/**
 * The sink validator's checks that need no downstream (pingcap/tiflow pkg/sink/sink_type.go;
 * cdc/sink/validator/validator.go). Opening the sink, which needs one, is {@link DownstreamCheck}.
 */
final class SinkChecks {
    private SinkChecks() { }

    static void validate(GoUrl uri, String rawUri, GoStruct config) {
        checkIpv6Host(uri.host());
        SinkScheme kind = SinkScheme.of(uri.scheme());
        if (Boolean.TRUE.equals(config.has("enable_sync_point") ? config.get("enable_sync_point") : null)
                && kind != SinkScheme.MYSQL) {
            throw ApiError.of("CDC:ErrSinkURIInvalid", "sink uri scheme is not supported with syncpoint enabled sink uri: "
                    + SinkUris.mask(rawUri));
        }
        if (Boolean.TRUE.equals(config.has("bdr_mode") ? config.get("bdr_mode") : null) && kind != SinkScheme.MYSQL) {
            throw ApiError.of("CDC:ErrSinkURIInvalid", "sink uri scheme is not supported in BDR mode, sink uri: "
                    + SinkUris.mask(rawUri));
        }
        if (kind == SinkScheme.UNSUPPORTED) {
            throw ApiError.of("CDC:ErrSinkURIInvalid", "the sink scheme (" + uri.scheme() + ") is not supported");
        }
    }

    /**
     * validator.preCheckSinkURI, first and for every scheme: an IPv6 hostname must be bracketed.
     * GenWithStack replaces the template, so there is no {@code sink uri invalid '...'} around it.
     */
    private static void checkIpv6Host(String hostPort) {
        String hostname = stripPort(hostPort);
        if (hostname.startsWith("[") && hostname.endsWith("]")) {
            if (isIpv6(hostname.substring(1, hostname.length() - 1))) return;
        } else if (isIpv6(hostname)) {
            throw ApiError.of("CDC:ErrSinkURIInvalid", "sink uri host is not valid IPv6 address, "
                    + "when using IPv6 address in URI, please use [ipv6-address]:port");
        }
    }

    /** Go's splitHostPort: drops a trailing {@code :digits*}. */
    private static String stripPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) return hostPort;
        for (int i = colon + 1; i < hostPort.length(); i++) {
            if (hostPort.charAt(i) < '0' || hostPort.charAt(i) > '9') return hostPort;
        }
        return hostPort.substring(0, colon);
    }

    /** net.ParseIP(h) != nil && contains ':' (no zones; only literal characters, so no DNS lookup). */
    private static boolean isIpv6(String h) {
        if (h.indexOf(':') < 0 || !h.matches("[0-9A-Fa-f:.]+")) return false;
        try {
            return java.net.InetAddress.getByName(h) != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
