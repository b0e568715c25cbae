package io.faketicdc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Checks the upstream's PD endpoints of a {@link FakeConfig} as {@code cdc server --pd} checks
 * them (an http or https URL with a host; pingcap/tiflow pkg/cmd/util/helper.go,
 * VerifyPdEndpoint), and more strictly: with a port and no path, so that every endpoint is one
 * host:port a request's {@code pd_addrs} can name.
 */
final class PdAddrs {
    private PdAddrs() { }

    static List<String> checked(List<String> urls, String fallback) {
        if (urls == null || urls.isEmpty()) return List.of(fallback);
        for (String url : urls) check(url);
        return List.copyOf(urls);
    }

    private static void check(String url) {
        if (url == null) throw new IllegalArgumentException("pdAddrs: an endpoint is null");
        String problem = problem(url);
        if (problem != null) {
            throw new IllegalArgumentException("pdAddrs: '" + url + "' " + problem + " (e.g. http://127.0.0.1:2379)");
        }
    }

    private static String problem(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return "is not an http or https URL";
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) return "is not an http or https URL";
        if (u.getHost() == null || u.getPort() < 0) return "needs a host and a port";
        if (u.getRawUserInfo() != null || !u.getRawPath().isEmpty() || u.getRawQuery() != null || u.getRawFragment() != null) {
            return "must be only scheme, host and port";
        }
        return null;
    }
}
