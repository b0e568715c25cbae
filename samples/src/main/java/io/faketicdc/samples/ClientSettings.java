package io.faketicdc.samples;

import java.time.Duration;

/**
 * How patient the client is.
 *
 * @param requestTimeout one HTTP request, from sending to the full answer
 * @param initialBackoff the wait before the first retry; doubled after each one
 * @param maxBackoff     the longest wait between retries
 * @param retryTimeout   how long one call keeps retrying transient failures
 * @param pollInterval   the wait between two reads while waiting for a state
 * @param stateTimeout   how long to wait for a changefeed to reach a state
 * @param authorization  the {@code Authorization} header sent with every request, or null (a TiCDC with
 *                       {@code client-user-required} wants Basic credentials of a TiDB user)
 * @param sslContext     the TLS set-up for an https TiCDC (its CA, and the client's certificate for
 *                       mTLS), or null for the JDK's defaults ({@link ClientTls#fromPemFiles})
 */
public record ClientSettings(Duration requestTimeout, Duration initialBackoff, Duration maxBackoff,
                             Duration retryTimeout, Duration pollInterval, Duration stateTimeout, String authorization,
                             javax.net.ssl.SSLContext sslContext) {

    /** Production values: 10 s requests, back-off 200 ms to 5 s, give up after a minute. */
    public static ClientSettings defaults() {
        return new ClientSettings(Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(5),
                Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMinutes(2), null, null);
    }

    public ClientSettings withRequestTimeout(Duration d) {
        return new ClientSettings(d, initialBackoff, maxBackoff, retryTimeout, pollInterval, stateTimeout, authorization, sslContext);
    }

    public ClientSettings withBackoff(Duration initial, Duration max) {
        return new ClientSettings(requestTimeout, initial, max, retryTimeout, pollInterval, stateTimeout, authorization, sslContext);
    }

    public ClientSettings withRetryTimeout(Duration d) {
        return new ClientSettings(requestTimeout, initialBackoff, maxBackoff, d, pollInterval, stateTimeout, authorization, sslContext);
    }

    public ClientSettings withPolling(Duration interval, Duration timeout) {
        return new ClientSettings(requestTimeout, initialBackoff, maxBackoff, retryTimeout, interval, timeout, authorization, sslContext);
    }

    /** Sends HTTP Basic credentials of a TiDB user with every request. */
    public ClientSettings withCredentials(String user, String password) {
        String basic = java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new ClientSettings(requestTimeout, initialBackoff, maxBackoff, retryTimeout, pollInterval, stateTimeout,
                "Basic " + basic, sslContext);
    }

    /** Talks to an https TiCDC with this TLS set-up (its CA; the client certificate for mTLS). */
    public ClientSettings withTls(javax.net.ssl.SSLContext ssl) {
        return new ClientSettings(requestTimeout, initialBackoff, maxBackoff, retryTimeout, pollInterval, stateTimeout, authorization, ssl);
    }
}
