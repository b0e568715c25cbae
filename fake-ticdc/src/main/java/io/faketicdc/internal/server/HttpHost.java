package io.faketicdc.internal.server;

import io.faketicdc.faults.Effect;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Reply;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One capture's port on the JVM's shared Javalin/Jetty server ({@link SharedServer}): it turns
 * each exchange into an {@link ApiRequest}, asks the engine, and writes the {@link ApiResponse}
 * byte for byte. All routing and every status code come from the engine, none from Javalin.
 */
public final class HttpHost implements AutoCloseable {
    /**
     * Go's URL parser decodes any well-formed percent escape, whatever bytes result (invalid UTF-8,
     * control characters), and gin routes on the result: Jetty must let such paths through to the
     * engine instead of answering its own HTML 400 page (gin-gonic/gin v1.9.1 gin.go; pingcap/tiflow
     * cdc/model/changefeed.go: {@code %FF} as an ID is
     * a 400 {@code invalid changefeed_id}). Javalin's LEGACY already allows the ambiguous forms
     * (encoded '/', '.', ';'). Jetty still rejects an encoded NUL and paths climbing above the root
     * in its parser, before any handler.
     */
    static final UriCompliance GO_URI_COMPLIANCE = UriCompliance.LEGACY.with("GO_NET_URL",
            UriCompliance.Violation.BAD_UTF8_ENCODING, UriCompliance.Violation.TRUNCATED_UTF8_ENCODING,
            UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS, UriCompliance.Violation.ILLEGAL_PATH_CHARACTERS,
            UriCompliance.Violation.AMBIGUOUS_PATH_PARAMETER);
    private final String host;
    private final int requestedPort;
    private volatile Function<ApiRequest, Reply> engine = r -> Reply.of(ApiResponse.bare(503));
    private final Wire wire = new Wire();
    private final int slot;
    private final io.faketicdc.internal.tls.ServerTls tls;
    private java.nio.channels.ServerSocketChannel listening;
    private int boundPort;
    /** Done once the shared server serves the port (or gave up on it). */
    private java.util.concurrent.CompletableFuture<Void> attached;
    /** Guarded by this. */
    private Port served;
    /** Guarded by this. */
    private boolean closed;

    public HttpHost(String host, int port, int slot) {
        this(host, port, slot, null);
    }

    /** A port serving https with {@code tls} (null: plain http). */
    public HttpHost(String host, int port, int slot, io.faketicdc.internal.tls.ServerTls tls) {
        this.host = host;
        this.requestedPort = port;
        this.slot = slot;
        this.tls = tls;
    }

    public void engine(Function<ApiRequest, Reply> engine) {
        this.engine = engine;
    }

    /**
     * Binds the port now and serves it on the JVM's shared server: at once when that runs, else as
     * soon as it has started (the JVM's first fake starts it on a thread of its own, so a test's
     * own set-up, such as making its HTTP client, overlaps it; a request sent earlier waits in the
     * accept queue).
     */
    public HttpHost start() {
        // the common case reads one volatile field: only a fake started before the server is up
        // takes the start's lock
        SharedServer ready = SharedServer.ready();
        java.util.concurrent.CompletableFuture<SharedServer> starting = ready == null ? SharedServer.starting() : null;
        if (starting != null && starting.isCompletedExceptionally()) {
            // the shared server could not start (the first fake's clients were refused): say why here
            Throwable cause = starting.handle((s, failure) -> failure).join();
            throw new IllegalStateException("the shared HTTP server could not start: " + cause.getMessage(), cause);
        }
        listening = Listening.bind(host, requestedPort);
        boundPort = Listening.port(listening);
        if (ready != null) {
            attach(ready);
            attached = SERVED;
        } else {
            attached = starting.handle((started, failure) -> {
                if (failure == null) attachOrGiveUp(started);
                else giveUp();
                return null;
            });
        }
        return this;
    }

    private static final java.util.concurrent.CompletableFuture<Void> SERVED =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    private void attach(SharedServer server) {
        synchronized (this) {
            if (closed) return;
            served = server.bind(listening, host, this, tls);
        }
    }

    /** On the starting thread: a port that cannot be served closes, so its clients fail at once. */
    private void attachOrGiveUp(SharedServer server) {
        try {
            attach(server);
        } catch (RuntimeException e) {
            giveUp();
        }
    }

    private void giveUp() {
        synchronized (this) {
            closed = true;
        }
        Listening.close(listening);
    }

    public int port() {
        return boundPort;
    }

    /** The port once the shared server serves it (tests hold its accept/endpoint steps). */
    Port served() {
        attached.join();
        synchronized (this) {
            return served;
        }
    }

    /** Ends the requests left hanging by a fault: their connections close. */
    public void abortHanging() {
        wire.abortHanging();
    }

    @Override
    public void close() {
        wire.close();
        Port p;
        synchronized (this) {
            closed = true;
            p = served;
        }
        if (p != null) p.shut();
        else Listening.close(listening); // not served yet: its waiting clients are refused
    }

    void handle(Request req, Response res, Callback done) throws IOException {
        HttpURI uri = req.getHttpURI();
        String rawPath = uri.getPath();
        if (!RequestReading.validEscapes(rawPath)) {
            // Go's net/http rejects the request line itself: its own plain 400, then it closes
            wire.deliver(req, res, done, new Reply(ApiResponse.bare(400), new Effect.Garbage(GO_BAD_REQUEST)));
            return;
        }
        ApiRequest request = new ApiRequest(req.getMethod(), RequestReading.decodePath(rawPath), uri.getQuery(),
                RequestReading.headers(req.getHeaders()), RequestReading.body(req), Request.getLocalPort(req), slot);
        Reply reply = engine.apply(request);
        if (reply.later() != null) {
            // the answer comes later (a delay, a wait for the clock): no thread waits for it, and the
            // connection's idle timeout does not end the wait (as a servlet's async wait with no timeout)
            req.addIdleTimeoutListener(idle -> false);
            reply.later().thenAccept(answer -> write(res, answer, done));
            return;
        }
        if (reply.wire() != null) {
            wire.deliver(req, res, done, reply);
        } else if (reply.afterWrite() == null) {
            write(res, reply.response(), done);
        } else {
            // the whole answer is on its way before what follows may close the port
            Runnable afterWrite = reply.afterWrite();
            write(res, reply.response(), Callback.from(() -> {
                afterWrite.run();
                done.succeeded();
            }, done::failed));
        }
    }

    /**
     * What Go's net/http writes for a request line it cannot parse (a bad percent escape in the
     * path), before any handler runs (go src/net/http/server.go, conn.serve).
     */
    static final String GO_BAD_REQUEST =
            "HTTP/1.0 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request";

    /** The whole answer, then {@code done}. */
    private static void write(Response res, ApiResponse response, Callback done) {
        head(res, response);
        byte[] body = response.body();
        res.write(true, body.length == 0 ? null : ByteBuffer.wrap(body), done);
    }

    /**
     * Status, Content-Type (verbatim, "a; charset=b" as the engine spells it), other headers and
     * the full Content-Length; no body yet.
     */
    static void head(Response res, ApiResponse response) {
        res.setStatus(response.status());
        HttpFields.Mutable fields = res.getHeaders();
        if (response.contentType() != null) fields.put(HttpHeader.CONTENT_TYPE, response.contentType());
        response.headers().forEach(fields::put);
        fields.put(HttpHeader.CONTENT_LENGTH, response.body().length);
    }
}
