package io.faketicdc.internal.http;

/**
 * One route of the real router: method, gin path pattern ({@code :name} segments), a stable
 * operation name (used by the journal and fault rules), the handler, and optionally a
 * {@link Prepare} step that does the handler's expensive, state-independent work before it.
 */
public record Route(String method, String pattern, String operation, boolean ownerForwarded, Handler handler,
                    Prepare prepare) {

    public Route(String method, String pattern, String operation, boolean ownerForwarded, Handler handler) {
        this(method, pattern, operation, ownerForwarded, handler, null);
    }

    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(Call call);
    }

    /**
     * Work a handler needs that depends on the request alone (parsing and validating a body,
     * compiling filters): run once per client request, before the capture takes the cluster's
     * lock, so a huge body never holds up other requests. It must read no cluster state (only
     * the immutable parts, see {@code Cluster}). Its result, or what it threw, reaches the handler
     * as {@link Call#prepared()}, which returns the result or rethrows there, so the handler's
     * checks keep their real order.
     */
    @FunctionalInterface
    public interface Prepare {
        Object prepare(Call call);
    }

    PathPattern compiledPattern() {
        return PathPattern.compile(pattern);
    }
}
