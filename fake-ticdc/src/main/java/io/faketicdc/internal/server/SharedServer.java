package io.faketicdc.internal.server;

import io.javalin.Javalin;
import io.javalin.http.servlet.ServletEntry;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one Javalin/Jetty server of the JVM, shared by every fake: its thread pool, scheduler,
 * handler ({@link EngineHandler}) and the selector of its plain ports ({@link SharedPorts}) are built once. A
 * capture of a fake is one port registered with it and taken off again when the capture stops
 * (an https port is a connector of its own, {@link PortConnector}), so starting a fake costs a
 * bound socket, not a server. Requests are dispatched to the {@link HttpHost} that owns the port
 * they arrived on.
 */
final class SharedServer {
    private static volatile SharedServer instance;
    /** Guarded by the class. */
    private static CompletableFuture<SharedServer> starting;
    static final int GO_MAX_HEADER_BYTES = (1 << 20) + 4096;

    private final Javalin app;
    private final Server server;
    private final HttpConfiguration http;
    private final SharedPorts plain;

    private SharedServer() {
        // before Jetty's and Javalin's classes make their loggers: no "No SLF4J providers" note without a binding
        QuietLogging.bindSlf4j();
        answerJettyWithoutJmx();
        // after a burst (say, thousands of connections held at once) every idle thread beyond the
        // minimum ends after 5 s, all in one go, instead of one per idle timeout
        QueuedThreadPool pool = new QueuedThreadPool(10_000, 2, 5_000);
        pool.setMaxEvictCount(10_000);
        pool.setName("fake-ticdc");
        pool.setDaemon(true);
        this.app = Javalin.create(cfg -> {
            // daemon threads only (the pool's and the scheduler's): an idle shared server must never
            // keep a JVM alive; connections' idle timeouts are swept, not queued one by one (CoarseScheduler)
            Server jetty = new Server(pool, new CoarseScheduler("fake-ticdc-scheduler"), null);
            jetty.setErrorHandler(new GoErrorPages());
            // every request goes straight to the engine on Jetty's core API (EngineHandler), with no
            // servlet layer; the servlet context Javalin attaches is kept off the server
            jetty.setHandler(new EngineHandler());
            cfg.unsafe.jettyInternal.server = jetty;
            // so an empty servlet for that context: Javalin's own (its router, its WebSocket upgrade,
            // some 70 classes more, javalin 7 JettyUtil.kt) would be built for nothing
            cfg.unsafe.servlet = kotlin.LazyKt.lazyOf(new ServletEntry(null, new jakarta.servlet.http.HttpServlet() { }));
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.startup.startupWatcherEnabled = false;
            // the server's one connector is the selector of every plain port (SharedPorts), so
            // Javalin binds no port of its own (it adds a default connector only when there is none)
            cfg.jetty.addConnector((s, httpConfig) -> new SharedPorts(s, httpConfig));
            cfg.jetty.threadPool = pool;
            cfg.jetty.modifyHttpConfiguration(h -> {
                h.setSendServerVersion(false);
                h.setSendXPoweredBy(false);
                h.setSendDateHeader(true);
                h.setUriCompliance(HttpHost.GO_URI_COMPLIANCE);
                // Go's net/http reads up to DefaultMaxHeaderBytes (1 MiB) of request line and
                // headers, plus 4096 bytes of slack, before it answers 431 (go src/net/http/server.go)
                h.setRequestHeaderSize(GO_MAX_HEADER_BYTES);
            });
        });
        QuietLogging.start(app::start);
        this.server = app.jettyServer().server();
        this.plain = (SharedPorts) server.getConnectors()[0];
        this.http = plain.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
    }

    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    /**
     * Jetty pads its thread pool's queue by the references that fit a cache line, and to learn
     * whether references are compressed it starts the platform MBean server (jetty-util 12.1
     * {@code MemoryUtils}): some 400 classes and ~45 ms for the first fake of a JVM, for padding.
     * Jetty's own property answers it instead, with the value Jetty assumes when JMX cannot tell
     * (compressed references: 16 per 64-byte line). A value the user set stays.
     */
    private static void answerJettyWithoutJmx() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
    }

    /** Test seam: the shared server's start waits for this latch (set before the JVM's first fake). */
    static volatile CountDownLatch startGate;

    /** The shared server when it has started, else null (never waits). */
    static SharedServer ready() {
        return instance;
    }

    /** Test seam: the shared server's start throws this instead of starting. */
    static volatile RuntimeException startFailure;

    /**
     * The shared server: started on a daemon thread by the first call. A start that failed stays
     * failed (a classpath conflict, say, fails again): later fakes' starts throw its cause.
     */
    static CompletableFuture<SharedServer> starting() {
        synchronized (SharedServer.class) {
            CompletableFuture<SharedServer> f = starting;
            if (f == null) {
                CompletableFuture<SharedServer> started = new CompletableFuture<>();
                f = started;
                starting = f;
                CountDownLatch gate = startGate;
                Thread t = new Thread(() -> {
                    try {
                        if (gate != null) gate.await();
                        if (startFailure != null) throw startFailure;
                        SharedServer s = new SharedServer();
                        instance = s;
                        started.complete(s);
                    } catch (Throwable e) {
                        // the fakes waiting for it close their ports (clients are refused): say why, once
                        System.err.println("fake-ticdc: the shared HTTP server could not start: " + e);
                        e.printStackTrace();
                        started.completeExceptionally(e);
                    }
                }, "fake-ticdc-start");
                t.setDaemon(true);
                t.start();
            }
            return f;
        }
    }

    /**
     * Serves {@code channel} (bound to host's port) for a host, with https when {@code tls} is set
     * (else plain http); on a failure the channel is closed and the exception thrown.
     */
    Port bind(ServerSocketChannel channel, String host, HttpHost owner, io.faketicdc.internal.tls.ServerTls tls) {
        if (tls == null) {
            try {
                return plain.open(channel, owner);
            } catch (IOException e) {
                Listening.close(channel);
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        PortConnector c = new PortConnector(server, owner, TlsConnections.factories(tls, http));
        c.setHost(host);
        c.setPort(Listening.port(channel));
        try {
            c.open(channel);
        } catch (IOException e) {
            Listening.close(channel);
            throw new IllegalStateException(e.getMessage(), e);
        }
        server.addConnector(c);
        try {
            c.start();
        } catch (Exception e) {
            stopQuietly(c);
            server.removeConnector(c);
            Listening.close(channel);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
        c.port().release(() -> {
            stopQuietly(c);
            server.removeConnector(c);
        });
        return c.port();
    }

    private static void stopQuietly(PortConnector c) {
        try {
            c.stop();
        } catch (Exception e) {
            // the port is being given up either way; Port.shut still closes every connection
        }
    }
}
