package io.faketicdc.internal.server;

import io.faketicdc.faults.Effect;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Reply;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;

/**
 * Connection effects (the fault effects that break the wire), carried out on the connection itself: resets (SO_LINGER 0, then close),
 * closes, garbage, truncated and trickled bodies, and hangs. A hang holds no thread: the exchange
 * stays open with no idle timeout and ends when the port closes (or {@link #abortHanging()}).
 * An exchange whose connection an effect closed ends as failed: Jetty writes nothing more on it.
 */
final class Wire implements AutoCloseable {
    private final Map<EndPoint, Callback> hanging = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    void deliver(Request req, Response res, Callback done, Reply reply) throws IOException {
        EndPoint ep = req.getConnectionMetaData().getConnection().getEndPoint();
        Effect e = reply.wire();
        if (e instanceof Effect.Reset) {
            reset(ep);
            ended(done);
        } else if (e instanceof Effect.Close) {
            ep.close();
            ended(done);
        } else if (e instanceof Effect.Garbage g) {
            raw(ep, g.bytes().getBytes(StandardCharsets.ISO_8859_1));
            ep.close();
            ended(done);
        } else if (e instanceof Effect.TruncatedBody) {
            byte[] body = reply.response().body();
            HttpHost.head(res, reply.response());
            send(res, Arrays.copyOf(body, body.length / 2), 0, body.length / 2);
            ep.close();
            ended(done);
        } else if (e instanceof Effect.SlowBody s) {
            slow(res, reply.response(), s, ep, done);
        } else if (e instanceof Effect.Hang) {
            hang(ep, done);
        } else {
            throw new IllegalArgumentException("not a connection effect: " + e);
        }
    }

    /** Ends an exchange whose connection is closed: Jetty writes nothing more (no error page). */
    static void ended(Callback done) {
        done.failed(new Request.Handler.AbortException("the connection was closed by a connection effect"));
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
        await(written, "could not write garbage bytes");
    }

    /** Writes part of a body (not its end) and waits until it is on the wire. */
    private static void send(Response res, byte[] body, int from, int to) throws IOException {
        FutureCallback written = new FutureCallback();
        res.write(false, ByteBuffer.wrap(body, from, to - from), written);
        await(written, "could not write a part of the body");
    }

    private static void await(FutureCallback written, String what) throws IOException {
        try {
            written.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what, e);
        } catch (Exception e) {
            throw new IOException(what, e);
        }
    }

    private void slow(Response res, ApiResponse response, Effect.SlowBody s, EndPoint ep, Callback done) throws IOException {
        HttpHost.head(res, response);
        byte[] body = response.body();
        int chunks = Math.max(1, Math.min(s.chunks(), Math.max(1, body.length)));
        long pauseNanos = s.over().toNanos() / chunks;
        for (int i = 0; i < chunks; i++) {
            int from = (int) ((long) body.length * i / chunks);
            int to = (int) ((long) body.length * (i + 1) / chunks);
            if (i == chunks - 1) {
                res.write(true, ByteBuffer.wrap(body, from, to - from), done);
                return;
            }
            send(res, body, from, to);
            if (pause(pauseNanos)) {
                ep.close();
                ended(done);
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

    /** No answer and no thread held: the exchange ends when the connection does. */
    private void hang(EndPoint ep, Callback done) {
        ep.setIdleTimeout(0);
        hanging.put(ep, done);
        if (closed.getCount() == 0) abort(ep);
    }

    private void abort(EndPoint ep) {
        Callback done = hanging.remove(ep);
        ep.close();
        if (done != null) ended(done);
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
