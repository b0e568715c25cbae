package io.faketicdc.internal.journal;

import io.faketicdc.RecordedRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code RecordedRequest.matches(method, pattern)}: a method (null or {@code *} for any) and a gin
 * path pattern. Prints as {@code POST /api/v2/changefeeds/:changefeed_id/pause} in failure messages.
 */
public final class MethodAndPath implements Predicate<RecordedRequest> {
    private final String method;
    private final String pattern;
    private final String[] segments;

    public MethodAndPath(String method, String pattern) {
        Objects.requireNonNull(pattern, "pathPattern");
        this.method = method == null || method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
        this.pattern = pattern;
        this.segments = split(pattern);
    }

    @Override
    public boolean test(RecordedRequest r) {
        return (method == null || method.equalsIgnoreCase(r.method())) && pathMatches(r.path());
    }

    /** gin's rules: {@code :name} is one non-empty segment, {@code *name} the rest of the path. */
    boolean pathMatches(String path) {
        if (pattern.equals(path)) return true;
        String[] p = split(path);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith("*") && i == segments.length - 1) return p.length > i;
            if (i >= p.length) return false;
            if (s.startsWith(":")) {
                if (p[i].isEmpty()) return false;
            } else if (!s.equals(p[i])) {
                return false;
            }
        }
        return p.length == segments.length;
    }

    private static String[] split(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') return new String[] {"\u0000" + path};
        return path.substring(1).split("/", -1);
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + pattern;
    }
}
