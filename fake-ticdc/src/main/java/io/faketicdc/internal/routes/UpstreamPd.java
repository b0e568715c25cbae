package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.json.GoStruct;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A request's {@code pd_addrs} against the fake's upstream PD endpoints
 * ({@code FakeConfig.pdAddrs}). The real server connects to the PD the request names, so the
 * answer depends on whether one is there; the fake answers at once what the real one answers
 * after its timeout (30 s on most routes) when none of the addresses is one of the fake's.
 *
 * <p>Two readers of the addresses, two rules, as upstream:
 * <ul>
 * <li>the PD client ({@code getPDClient}, pingcap/tiflow cdc/api/v2/api_helpers.go; tikv/pd
 *     client/pkg/utils/tlsutil/url.go, ModifyURLScheme): the scheme may be left out
 *     ({@code http://} is added; {@code https://} is dialled as {@code http://} without TLS
 *     files), the host:port is dialled, any path is ignored. The list reaches the upstream when
 *     one address does (the client tries each in turn). Hosts compare literally, without name
 *     resolution: {@code localhost:2379} does not name {@code http://127.0.0.1:2379}.</li>
 * <li>the TiKV store ({@code kv.CreateTiStore}, pingcap/tiflow cdc/kv/utils.go; pkg/types/urls.go,
 *     NewURLs), used by create, verify_table and resolve_lock: every address must be an
 *     {@code http}, {@code https}, {@code unix} or {@code unixs} URL of the form host:port with no
 *     path, or the route answers {@code CDC:ErrURLFormatInvalid}.</li>
 * </ul>
 * The PD client's final error is {@code [pd] failed to get cluster id} (tikv/pd client, initClusterID).
 */
final class UpstreamPd {
    static final String NO_CLUSTER_ID = "[pd] failed to get cluster id";
    private static final String PD_CLIENT = "CDC:ErrAPIGetPDClientFailed";
    private static final String PD_CLIENT_TEXT = "failed to get PDClient to connect PD, please recheck: ";
    /** getPDClient's error: ErrAPIGetPDClientFailed around the PD client's (cdc/api/v2/api_helpers.go). */
    static final String PD_CLIENT_ERROR = "[" + PD_CLIENT + "]" + PD_CLIENT_TEXT + NO_CLUSTER_ID;

    private UpstreamPd() { }

    /**
     * The request's {@code pd_addrs} (empty when absent or null, and always on the new
     * architecture, which reads them nowhere: pingcap/ticdc api/v2/tso.go, api/v2/model.go).
     */
    static List<String> addrs(ApiContext ctx, GoStruct body) {
        if (ctx.newKernel()) return List.of();
        if (!(body.get("pd_addrs") instanceof List<?> list) || list.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) out.add(o == null ? "" : o.toString());
        return out;
    }

    /** Whether the PD client reaches the fake's upstream through one of {@code addrs}. */
    static boolean reaches(List<String> addrs, Cluster cluster) {
        Set<String> own = own(cluster);
        for (String addr : addrs) {
            String url = addr.startsWith("http://") || addr.startsWith("https://") ? addr : "http://" + addr;
            try {
                if (own.contains(GoUrl.parse(url).host().toLowerCase(Locale.ROOT))) return true;
            } catch (GoUrl.UrlException e) {
                // the client cannot dial it: try the next
            }
        }
        return false;
    }

    private static Set<String> own(Cluster cluster) {
        Set<String> hosts = new HashSet<>();
        for (String url : cluster.config().pdAddrs()) {
            URI u = URI.create(url);
            hosts.add((u.getHost() + ":" + u.getPort()).toLowerCase(Locale.ROOT));
        }
        return hosts;
    }

    /** create and resume: getPDClient's error wrapped once more by the handler, 500. */
    static ApiError pdClientFailedTwice() {
        return ApiError.of(PD_CLIENT, PD_CLIENT_TEXT + PD_CLIENT_ERROR);
    }

    /** update's verifyUpstream: getPDClient's error as it is, 500. */
    static ApiError pdClientFailed() {
        return ApiError.of(PD_CLIENT, PD_CLIENT_TEXT + NO_CLUSTER_ID);
    }

    /** tso and delete service_gc_safepoint (withUpstreamConfig, cdc/api/v2/unsafe.go): 500. */
    static ApiError internal() {
        return ApiError.of("CDC:ErrInternalServerError", "internal server error: " + PD_CLIENT_ERROR);
    }

    /** v7.3's resume wraps getPDClient's error as an invalid parameter: 400. */
    static ApiError invalidParam() {
        return ApiError.of("CDC:ErrAPIInvalidParam", "invalid api parameter: " + PD_CLIENT_ERROR);
    }

    /**
     * kv.CreateTiStore as verify_table and resolve_lock call it: the URL check
     * (CDC:ErrURLFormatInvalid), then the connection (CDC:ErrNewStore), both 500.
     */
    static void openStore(List<String> addrs, Cluster cluster) {
        String bad = urlFormatError(addrs);
        if (bad != null) throw ApiError.of("CDC:ErrURLFormatInvalid", "url format is invalid: " + bad);
        if (!reaches(addrs, cluster)) throw ApiError.of("CDC:ErrNewStore", "new store failed: " + NO_CLUSTER_ID);
    }

    /** create: getPDClient, then the store, whose error the handler wraps in ErrNewStore. */
    static void createChecks(List<String> addrs, Cluster cluster) {
        if (!reaches(addrs, cluster)) throw pdClientFailedTwice();
        String bad = urlFormatError(addrs);
        if (bad != null) {
            throw ApiError.of("CDC:ErrNewStore", "new store failed: [CDC:ErrURLFormatInvalid]url format is invalid: " + bad);
        }
    }

    /** pkg/types/urls.go NewURLs over the comma-joined, comma-split list: the first failure's text, or null. */
    static String urlFormatError(List<String> addrs) {
        for (String in : String.join(",", addrs).split(",", -1)) {
            in = in.strip();
            GoUrl u;
            try {
                u = GoUrl.parse(in);
            } catch (GoUrl.UrlException e) {
                return e.getMessage();
            }
            String scheme = u.scheme();
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("unix") && !scheme.equals("unixs")) {
                return "URL scheme must be http, https, unix, or unixs: " + in;
            }
            if (!splitsAsHostPort(u.host())) return "URL address does not have the form \"host:port\": " + in;
            if (!u.path().isEmpty()) return "URL must not contain a path: " + in;
        }
        return null;
    }

    /** Whether Go's net.SplitHostPort accepts {@code hostport}. */
    static boolean splitsAsHostPort(String hostport) {
        int i = hostport.lastIndexOf(':');
        if (i < 0) return false;
        int j = 0;
        int k = 0;
        if (hostport.charAt(0) == '[') {
            int end = hostport.indexOf(']');
            if (end < 0 || end + 1 == hostport.length()) return false;
            if (end + 1 != i) return false;
            j = 1;
            k = end + 1;
        } else if (hostport.substring(0, i).indexOf(':') >= 0) {
            return false;
        }
        return hostport.indexOf('[', j) < 0 && hostport.indexOf(']', k) < 0;
    }
}
