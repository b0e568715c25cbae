package io.faketicdc.internal.server;

import io.faketicdc.faults.Effect;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Reply;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletApiRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.util.FutureCallback;

/**
 * Connection effects (the fault effects that break the wire), carried out on the connection itself: resets (SO_LINGER 0, then close),
 * closes, garbage, truncated and trickled bodies, and hangs. A hang holds no thread: the exchange
 * goes async with no timeout and ends when the port closes (or {@link #abortHanging()}).
 */
final class Wire implements AutoCloseable {
    private final Map<EndPoint, CompletableFuture<Void>> hanging = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    void deliver(HttpServletRequest req, HttpServletResponse res, Reply reply) throws IOException {
        EndPoint ep = endPoint(req);
        Effect e = reply.wire();
        if (e instanceof Effect.Reset) {
            reset(ep);
        } else if (e instanceof Effect.Close) {
            ep.close();
        } else if (e instanceof Effect.Garbage g) {
            raw(ep, g.bytes().getBytes(StandardCharsets.ISO_8859_1));
            ep.close();
        } else if (e instanceof Effect.TruncatedBody) {
            byte[] body = reply.response().body();
            partial(res, reply.response(), Arrays.copyOf(body, body.length / 2));
            ep.close();
        } else if (e instanceof Effect.SlowBody s) {
            slow(res, reply.response(), s, ep);
        } else if (e instanceof Effect.Hang) {
            hang(req, ep);
        } else {
            throw new IllegalArgumentException("not a connection effect: " + e);
        }
    }

    private static EndPoint endPoint(HttpServletRequest request) {
        jakarta.servlet.ServletRequest req = request;
        while (req instanceof jakarta.servlet.ServletRequestWrapper w) req = w.getRequest();
        if (req instanceof ServletApiRequest api) return api.getRequest().getConnectionMetaData().getConnection().getEndPoint();
        throw new IllegalStateException("not a Jetty request: " + req.getClass());
    }

    /** RST instead of FIN: SO_LINGER 0, then the socket closes before Jetty shuts its output down. */
    private static void reset(EndPoint connection) {
        EndPoint ep = connection;
        // over https the exchange's endpoint is TLS's decrypted view: the socket is underneath
        while (ep instanceof EndPoint.Wrapper w) ep = w.unwrap();
        if (ep instanceof SelectableChannelEndPoint s && s.getChannel() instanceof java.nio.channels.SocketChannel ch) {
            try {
                ch.setOption(StandardSocketOptions.SO_LINGER, 0);
                ch.close();
            } catch (IOException ignored) {
                // already gone: the client sees the connection end either way
            }
        }
        ep.close();
        connection.close();
    }

    private static void raw(EndPoint ep, byte[] bytes) throws IOException {
        FutureCallback written = new FutureCallback();
        ep.write(written, ByteBuffer.wrap(bytes));
        try {
            written.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("could not write garbage bytes", e);
        }
    }

    private static void partial(HttpServletResponse res, ApiResponse response, byte[] part) throws IOException {
        HttpHost.head(res, response);
        ServletOutputStream out = res.getOutputStream();
        out.write(part);
        out.flush();
    }

    private void slow(HttpServletResponse res, ApiResponse response, Effect.SlowBody s, EndPoint ep) throws IOException {
        HttpHost.head(res, response);
        byte[] body = response.body();
        int chunks = Math.max(1, Math.min(s.chunks(), Math.max(1, body.length)));
        long pauseNanos = s.over().toNanos() / chunks;
        ServletOutputStream out = res.getOutputStream();
        for (int i = 0; i < chunks; i++) {
            int from = (int) ((long) body.length * i / chunks);
            int to = (int) ((long) body.length * (i + 1) / chunks);
            out.write(body, from, to - from);
            out.flush();
            if (i < chunks - 1 && pause(pauseNanos)) {
                ep.close();
                return;
            }
        }
    }

    /** Waits; true when the port closed meanwhile. */
    private boolean pause(long nanos) {
        try {
            return closed.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void hang(HttpServletRequest req, EndPoint ep) {
        CompletableFuture<Void> never = new CompletableFuture<>();
        ep.setIdleTimeout(0);
        // async with no timeout: no thread holds the exchange, which ends when the connection does
        jakarta.servlet.AsyncContext async = req.startAsync();
        async.setTimeout(0);
        never.whenComplete((done, failure) -> completeQuietly(async));
        hanging.put(ep, never);
        if (closed.getCount() == 0) abort(ep);
    }

    private static void completeQuietly(jakarta.servlet.AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            // the connection ended the exchange first
        }
    }

    private void abort(EndPoint ep) {
        CompletableFuture<Void> f = hanging.remove(ep);
        ep.close();
        if (f != null) f.complete(null);
    }

    void abortHanging() {
        hanging.keySet().forEach(this::abort);
    }

    @Override
    public void close() {
        closed.countDown();
        abortHanging();
    }
}
