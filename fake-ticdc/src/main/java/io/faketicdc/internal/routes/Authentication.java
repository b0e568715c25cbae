package io.faketicdc.internal.routes;

import io.faketicdc.Credentials;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The real server's {@code AuthenticateMiddleware} (pingcap/tiflow cdc/api/middleware/middleware.go,
 * routes in cdc/api/v2/api.go and cdc/api/v1/api.go): with {@code client-user-required}, the routes
 * that change changefeeds (and {@code /api/v2/unsafe/*}) need HTTP Basic credentials of an allowed
 * user whose password the upstream TiDB accepts; the answer otherwise is a 401 with TiCDC's error
 * JSON. It runs after owner forwarding, on the capture that handles the route.
 */
final class Authentication {
    /** The operations of the protected routes (not drain, resign, log, tso, verify_table or the GETs). */
    static final Set<String> PROTECTED = Set.of(
            "create changefeed", "update changefeed", "delete changefeed", "pause changefeed", "resume changefeed",
            "unsafe metadata", "unsafe resolve lock", "unsafe delete service gc safepoint",
            "v1 create changefeed", "v1 update changefeed", "v1 pause changefeed", "v1 resume changefeed",
            "v1 delete changefeed", "v1 rebalance tables", "v1 move table");

    /**
     * The new architecture's protected operations (pingcap/ticdc api/v2/api.go, api/v1/api.go):
     * tiflow's, and also status, synced, the maintainer's table operations and the v1 drain.
     */
    static final Set<String> PROTECTED_NEW_KERNEL = union(PROTECTED, Set.of(
            "get changefeed status", "get changefeed synced", "move table", "move split table",
            "split table by region count", "merge table", "v1 drain capture"));

    private Authentication() { }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    /**
     * The 401 for a request to a protected route whose credentials do not pass, or null.
     *
     * @param clientHost the host the upstream TiDB would see the server connect from
     */
    static ApiResponse refusal(Credentials credentials, Set<String> protectedOps, String operation, ApiRequest request,
            String clientHost) {
        if (!credentials.required() || !protectedOps.contains(operation)) return null;
        String[] basic = basicAuth(request.header("Authorization"));
        if (basic == null) {
            return unauthorized("CDC:ErrCredentialNotFound",
                    "credential not found: please specify the user and password via authorization header");
        }
        String user = basic[0];
        if (!credentials.users().containsKey(user)) {
            String why = user.isEmpty() ? "Empty username is not allowed." : "The user is not allowed.";
            return unauthorized("CDC:ErrUnauthorized", "user " + user + " unauthorized, error: " + why);
        }
        if (!credentials.users().get(user).equals(basic[1])) {
            // what TiDB answers the server's test connection (pingcap/tiflow pkg/upstream/upstream.go
            // VerifyTiDBUser; pkg/sink/mysql/factory.go CreateMySQLDBConn; the MySQL driver's error text)
            String denied = "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: Error 1045 (28000): Access denied for"
                    + " user '" + user + "'@'" + clientHost + "' (using password: " + (basic[1].isEmpty() ? "NO" : "YES") + ")";
            return unauthorized("CDC:ErrUnauthorized", "user " + user + " unauthorized, error: " + denied);
        }
        return null;
    }

    private static ApiResponse unauthorized(String code, String message) {
        return ApiError.withStatus(401, code, message).toResponse();
    }

    /** Go's {@code Request.BasicAuth()}: user and password, or null when the header is not Basic credentials. */
    static String[] basicAuth(String header) {
        String prefix = "basic ";
        if (header == null || header.length() < prefix.length()
                || !header.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(prefix.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
