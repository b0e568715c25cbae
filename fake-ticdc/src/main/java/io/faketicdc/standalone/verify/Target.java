package io.faketicdc.standalone.verify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A TiCDC server the kit talks to: its base URL (http or https; https uses the JDK's default trust
 * store) and optional Basic credentials, sent on every request as TiCDC's client-user-required
 * routes expect them.
 */
public final class Target {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final String authorization;
    private final HttpClient client;

    private Target(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * A target at {@code url} (scheme, host and port; a path or trailing slash is dropped), with
     * {@code user} as {@code NAME:PASSWORD} or null.
     */
    public static Target of(String url, String user) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target must be an http:// or https:// URL such as http://127.0.0.1:8300, got '" + url + "'");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("--target must be an http:// or https:// URL such as http://127.0.0.1:8300, got '" + url + "'");
        }
        String auth = null;
        if (user != null) {
            if (user.indexOf(':') <= 0) throw new IllegalArgumentException("--user must be NAME:PASSWORD, got '" + user + "'");
            auth = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new Target(uri.getScheme() + "://" + uri.getRawAuthority().replaceFirst("^.*@", "").replaceFirst(":\\d+$", "") + port, auth);
    }

    /** The base URL, as the report names the target. */
    public String url() {
        return base;
    }

    /** Sends one request; a target that cannot be reached is a {@link BadTarget}. */
    Reply send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) b.header("Content-Type", "application/json");
        if (authorization != null) b.header("Authorization", authorization);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Location").orElse(null), r.body());
        } catch (HttpConnectTimeoutException e) {
            throw new BadTarget("cannot reach " + base + ": the connection timed out");
        } catch (HttpTimeoutException e) {
            throw new BadTarget(base + " did not answer " + method + " " + path + " within " + TIMEOUT.toSeconds() + "s");
        } catch (ConnectException e) {
            boolean unknownHost = e.getCause() instanceof java.nio.channels.UnresolvedAddressException;
            throw new BadTarget("cannot reach " + base + (unknownHost ? ": unknown host" : ": connection refused"));
        } catch (javax.net.ssl.SSLException e) {
            throw new BadTarget("cannot reach " + base + ": the TLS handshake failed (not an https server, or a certificate the JDK"
                    + " does not trust: see -Djavax.net.ssl.trustStore)");
        } catch (IOException e) {
            String why = e.getMessage();
            boolean plain = why != null && !why.contains("Exception") && !why.contains("java.") && !why.contains("sun.");
            throw new BadTarget("cannot reach " + base + ": " + (plain ? why : "the connection failed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadTarget("interrupted while waiting for " + base);
        }
    }
}
