package io.faketicdc.internal.routes;

import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.config.SinkScheme;
import io.faketicdc.internal.config.SinkUris;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.json.GoStruct;

/**
 * The sink validator's checks that need no downstream (REFERENCE 3.1.1, 3.1.4). The fake's
 * downstreams are always reachable: opening a MySQL, Kafka, Pulsar or storage sink succeeds.
 */
final class SinkChecks {
    private SinkChecks() { }

    static void validate(GoUrl uri, String rawUri, GoStruct config) {
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
        String host = uri.host();
        if (kind == SinkScheme.MYSQL && looksLikeBareIpv6(host)) {
            throw ApiError.of("CDC:ErrSinkURIInvalid", "sink uri invalid 'sink uri host is not valid IPv6 address, "
                    + "when using IPv6 address in URI, please use [ipv6-address]:port'");
        }
    }

    /** A host with more than one colon that is not bracketed. */
    private static boolean looksLikeBareIpv6(String host) {
        return !host.startsWith("[") && host.indexOf(':') != host.lastIndexOf(':');
    }
}
