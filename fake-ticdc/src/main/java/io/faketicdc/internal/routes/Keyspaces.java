package io.faketicdc.internal.routes;

import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import java.util.List;

/**
 * The next-gen build's {@code KeyspaceCheckerMiddleware} (pingcap/ticdc api/middleware/middleware.go;
 * routes in api/v2/api.go): the changefeed routes and {@code /api/v2/unsafe/*} need
 * {@code ?keyspace=} naming a keyspace that exists. It runs on the coordinator, before
 * authentication. The classic build (no keyspaces configured) skips it.
 */
final class Keyspaces {
    private Keyspaces() { }

    /** The 400 for a missing or unknown keyspace on a checked route, or null. */
    static ApiResponse refusal(List<String> keyspaces, Call call) {
        if (keyspaces.isEmpty()) return null;
        String path = call.route().pattern();
        if (!path.startsWith("/api/v2/changefeeds") && !path.startsWith("/api/v2/unsafe/")) return null;
        String ks = call.query("keyspace");
        if (ks.isEmpty()) {
            return ApiError.of("CDC:ErrAPIInvalidParam",
                    "missing required query parameter keyspace, please specify --keyspace or -k").toResponse();
        }
        if (!keyspaces.contains(ks)) {
            return ApiError.of("CDC:ErrAPIInvalidParam", "keyspace " + GoQuote.quote(ks)
                    + " does not exist, please check --keyspace or -k").toResponse();
        }
        return null;
    }
}
