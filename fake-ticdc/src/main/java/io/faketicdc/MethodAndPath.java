package io.faketicdc;

import io.faketicdc.internal.http.PathPattern;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code RecordedRequest.matches(method, pattern)}: a method (null or {@code *} for any) and a gin
 * path pattern. Prints as {@code POST /api/v2/changefeeds/:changefeed_id/pause} in failure messages.
 */
final class MethodAndPath implements Predicate<RecordedRequest> {
    private final String method;
    private final PathPattern pattern;

    MethodAndPath(String method, String pattern) {
        Objects.requireNonNull(pattern, "pathPattern");
        this.method = method == null || method.equals("*") ? null : method.toUpperCase(Locale.ROOT);
        this.pattern = PathPattern.compile(pattern);
    }

    @Override
    public boolean test(RecordedRequest r) {
        return (method == null || method.equalsIgnoreCase(r.method())) && pathMatches(r.path());
    }

    boolean pathMatches(String path) {
        return pattern.matches(path);
    }

    @Override
    public String toString() {
        return (method == null ? "*" : method) + " " + pattern;
    }
}
