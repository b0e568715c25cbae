package io.faketicdc;

import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.http.Dispatcher;
import io.faketicdc.internal.routes.ApiRoutes;
import io.faketicdc.internal.server.HttpHost;
import java.net.URI;
import java.util.function.Consumer;

/**
 * A fake TiCDC server: the real OpenAPI on a local port, backed by an in-memory cluster.
 *
 * <pre>{@code
 * try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.seed(7)).start()) {
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(
 *             URI.create(fake.baseUrl() + "/api/v2/changefeeds")).build(), BodyHandlers.ofString());
 * }
 * }</pre>
 *
 * <p>Each instance has its own state; any number can run in one JVM.
 */
public final class FakeTiCdc implements AutoCloseable {
    private final FakeConfig config;
    private HttpHost host;
    private Cluster cluster;
    private String baseUrl;

    private FakeTiCdc(FakeConfig config) {
        this.config = config;
    }

    /** A fake with the default configuration (loopback, port 0, profile master). */
    public static FakeTiCdc create() {
        return new FakeTiCdc(FakeConfig.builder().build());
    }

    /** A fake configured by the given callback. */
    public static FakeTiCdc create(Consumer<FakeConfig.Builder> configure) {
        FakeConfig.Builder b = FakeConfig.builder();
        configure.accept(b);
        return new FakeTiCdc(b.build());
    }

    public static FakeTiCdc create(FakeConfig config) {
        return new FakeTiCdc(config);
    }

    /** Binds the port and starts serving; returns {@code this}. */
    public synchronized FakeTiCdc start() {
        if (host != null) throw new IllegalStateException("fake already started");
        HttpHost h = new HttpHost(config.host(), config.port());
        try {
            h.start();
        } catch (RuntimeException e) {
            h.close();
            throw new IllegalStateException("could not bind " + config.host() + ":" + config.port()
                    + ": " + rootMessage(e), e);
        }
        String bound = hostForUrl(config.host()) + ":" + h.port();
        this.cluster = new Cluster(config, config.advertiseAddr() != null ? config.advertiseAddr() : bound);
        Dispatcher dispatcher = new Dispatcher(ApiRoutes.build(cluster));
        h.engine(dispatcher::dispatch);
        this.host = h;
        this.baseUrl = "http://" + bound;
        return this;
    }

    public FakeConfig config() {
        return config;
    }

    /** The bound port. */
    public int port() {
        return started().port();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        started();
        return baseUrl;
    }

    public URI baseUri() {
        return URI.create(baseUrl());
    }

    /** Stops serving and frees the port. Idempotent. */
    @Override
    public synchronized void close() {
        if (host != null) host.close();
    }

    private HttpHost started() {
        HttpHost h = host;
        if (h == null) throw new IllegalStateException("fake not started: call start() first");
        return h;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
