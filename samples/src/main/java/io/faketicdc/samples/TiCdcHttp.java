package io.faketicdc.samples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Set;

/**
 * Sends requests to TiCDC and retries what is worth retrying: connection failures and timeouts,
 * 503 (server not ready), and 500s that mean "try again" (etcd timeouts, owner changes, no leader,
 * a failed hop to the owner). A 400 is never retried, nor a 500 that states a fact
 * ({@code CDC:ErrChangeFeedAlreadyExists}).
 */
public final class TiCdcHttp {
    private static final Set<String> TRANSIENT_500_CODES = Set.of(
            "CDC:ErrEtcdTryAgain", "CDC:ErrPDEtcdAPIError", "CDC:ErrNotOwner", "CDC:ErrOwnerNotFound",
            "CDC:ErrUpstreamManagerNotReady", "CDC:ErrCaptureNotInitialized");

    private final HttpClient http;
    private final ClientSettings settings;

    public TiCdcHttp(ClientSettings settings) {
        this.settings = settings;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.requestTimeout());
        if (settings.sslContext() != null) b.sslContext(settings.sslContext());
        this.http = b.build();
    }

    public ClientSettings settings() {
        return settings;
    }

    /** One attempt; IOException for connection failures and timeouts. */
    public ApiResponse once(URI base, String method, String path, String json) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (settings.authorization() != null) builder.header("Authorization", settings.authorization());
        HttpRequest request = builder.build();
        try {
            var r = http.send(request, BodyHandlers.ofString());
            return new ApiResponse(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Sends until the answer is not transient, backing off exponentially, for at most
     * {@code retryTimeout}. Returns any non-transient answer, success or not.
     *
     * @throws TiCdcUnavailableException when only transient failures came back until the timeout
     */
    public ApiResponse send(URI base, String method, String path, String json) {
        long deadline = System.nanoTime() + settings.retryTimeout().toNanos();
        Duration backoff = settings.initialBackoff();
        String last;
        IOException lastError;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                ApiResponse r = once(base, method, path, json);
                if (!isTransient(r)) return r;
                last = r.toString();
                lastError = null;
            } catch (javax.net.ssl.SSLHandshakeException e) {
                // a certificate the server refuses (or one the client does not trust) stays refused: no retry
                throw new TiCdcTlsException(method + " " + path, e);
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastError = e;
            }
            if (System.nanoTime() + backoff.toNanos() > deadline) {
                throw new TiCdcUnavailableException(method + " " + path, attempts, last, lastError);
            }
            Pause.sleep(backoff);
            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        }
    }

    /** 503, a 500 with a try-again code, or a 500 carrying a plain Go error (no leader, forwarding failed). */
    public static boolean isTransient(ApiResponse r) {
        if (r.status() == 503) return true;
        if (r.status() != 500) return false;
        String code = r.errorCode();
        if (TRANSIENT_500_CODES.contains(code)) return true;
        return code.isEmpty() && r.json().has("error_msg");   // "election: no leader", "dial tcp ...: connection refused"
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
