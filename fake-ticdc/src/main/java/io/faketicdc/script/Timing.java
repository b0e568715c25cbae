package io.faketicdc.script;

import java.time.Duration;

/**
 * When a scripted change applies: now, after a span of the fake's clock, or on the Nth request
 * matching a method and a gin-style path pattern ({@code null} method or path matches any). The
 * Nth request already sees the change.
 *
 * @param after     clock time from when the change is scripted; null for none
 * @param onRequest the matching request the change applies on (1 = the next one); null for none
 * @param method    HTTP method to count, or null for any
 * @param path      path pattern to count (e.g. {@code /api/v2/changefeeds/:changefeed_id}), or null for any
 */
public record Timing(Duration after, Integer onRequest, String method, String path) {
    private static final Timing NOW = new Timing(null, null, null, null);

    public Timing {
        if (after != null && after.isNegative()) throw new IllegalArgumentException("negative delay: " + after);
        if (onRequest != null && onRequest < 1) throw new IllegalArgumentException("onRequest counts from 1: " + onRequest);
    }

    public static Timing now() {
        return NOW;
    }

    public static Timing after(Duration clockTime) {
        return new Timing(clockTime, null, null, null);
    }

    /** On the Nth request of any kind. */
    public static Timing onRequest(int n) {
        return new Timing(null, n, null, null);
    }

    /** On the Nth request matching a method and a path pattern. */
    public static Timing onRequest(int n, String method, String pathPattern) {
        return new Timing(null, n, method, pathPattern);
    }

    public boolean immediate() {
        return after == null && onRequest == null;
    }
}
