package io.faketicdc.internal.http;

/**
 * One route of the real router: method, gin path pattern ({@code :name} segments), a stable
 * operation name (used by the journal and fault rules) and the handler.
 */
public record Route(String method, String pattern, String operation, boolean ownerForwarded, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(Call call);
    }

    PathPattern compiledPattern() {
        return PathPattern.compile(pattern);
    }
}
