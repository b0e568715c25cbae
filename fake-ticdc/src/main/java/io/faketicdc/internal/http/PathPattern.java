package io.faketicdc.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A gin path pattern, compiled once: literal segments, {@code :name} for exactly one non-empty
 * segment, and a last {@code *name} for the rest of the path (gin v1.9 as TiCDC uses it,
 * github.com/gin-gonic/gin tree.go). The one implementation behind the router, fault rules, script
 * timings and the journal's {@code RecordedRequest.matches}. A pattern also matches a path equal
 * to it, so a pattern without a leading slash still matches itself.
 */
public final class PathPattern {
    private final String pattern;
    private final String[] segments;
    private final boolean catchAll;

    private PathPattern(String pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pathPattern");
        String[] segs = segments(pattern);
        this.segments = segs == NOT_A_PATH ? null : segs;
        this.catchAll = segments != null && segments[segments.length - 1].startsWith("*");
    }

    public static PathPattern compile(String pattern) {
        return new PathPattern(pattern);
    }

    public boolean matches(String path) {
        return pattern.equals(path) || bind(segments(path)) != null;
    }

    /** The parameters bound by a path already split by {@link #segments(String)}; null when it does not match. */
    Map<String, String> bind(String[] path) {
        if (segments == null || path == NOT_A_PATH) return null;
        if (catchAll ? path.length < segments.length : path.length != segments.length) return null;
        Map<String, String> params = null;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (catchAll && i == segments.length - 1) {
                if (params == null) params = new LinkedHashMap<>(4);
                params.put(s.substring(1), "/" + String.join("/", java.util.Arrays.copyOfRange(path, i, path.length)));
                break;
            }
            if (s.startsWith(":")) {
                if (path[i].isEmpty()) return null;
                if (params == null) params = new LinkedHashMap<>(4);
                params.put(s.substring(1), path[i]);
            } else if (!s.equals(path[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    private static final String[] NOT_A_PATH = new String[0];

    /**
     * Splits "/a/b/" into ["a", "b", ""]: a trailing slash is an empty last segment. Text that does
     * not start with '/' is no path: it binds to no pattern (a pattern may still equal it).
     */
    static String[] segments(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') return NOT_A_PATH;
        return path.substring(1).split("/", -1);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
