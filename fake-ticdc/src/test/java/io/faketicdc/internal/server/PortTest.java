package io.faketicdc.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.Tls;
import io.faketicdc.internal.tls.ServerTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Closing a port ends every connection it accepted, also in the interleavings a plain stop
 * misses, and frees the port at once. The steps between an accept and a usable endpoint are held
 * by the port's test seam, so each interleaving is forced, not hoped for.
 */
class PortTest {

    @Test
    void aConnectionWhoseEndpointIsMadeAfterItsPortClosedIsClosedToo() throws Exception {
        HttpHost host = new HttpHost("127.0.0.1", 0, 0).start();
        Held held = new Held(false);
        host.served().interleaving(held);

        PausedClient client = PausedClient.start(host.port());
        assertThat(held.creating.await(10, TimeUnit.SECONDS)).as("the endpoint is being made").isTrue();

        // the port closes completely while the endpoint is not made yet: it is in no list to close
        host.close();

        held.releaseEndPoint.countDown();
        client.assertCutOff(host);
    }

    @Test
    void anHttpsConnectionAcceptedWhileItsConnectorStopsIsClosedToo() throws Exception {
        HttpHost host = new HttpHost("127.0.0.1", 0, 0, ServerTls.prepare(Tls.selfSigned(), List.of("127.0.0.1"))).start();
        Held held = new Held(true);
        host.served().interleaving(held);

        // the endpoint of a stopped selector would never read the client's bytes
        PausedClient client = PausedClient.start(host.port());
        assertThat(held.accepted.await(10, TimeUnit.SECONDS)).as("the selector accepted the client").isTrue();

        // the port closes while the accept is held: Jetty's stop queues "close connections" behind it
        Thread closer = new Thread(host::close, "closer");
        closer.start();
        awaitQueuedCloseConnections(closer);
        held.releaseAccept.countDown();
        assertThat(held.creating.await(10, TimeUnit.SECONDS)).as("the endpoint is being made").isTrue();
        closer.join(10_000);
        assertThat(closer.isAlive()).as("close() returned").isFalse();

        // only now, with Jetty's selector gone, the endpoint is made
        held.releaseEndPoint.countDown();
        client.assertCutOff(host);
    }

    /** Holds the endpoint's creation (and, if asked, the accept before it) until released. */
    private static final class Held implements Port.Interleaving {
        final CountDownLatch accepted = new CountDownLatch(1);
        final CountDownLatch releaseAccept;
        final CountDownLatch creating = new CountDownLatch(1);
        final CountDownLatch releaseEndPoint = new CountDownLatch(1);

        Held(boolean holdAccept) {
            this.releaseAccept = new CountDownLatch(holdAccept ? 1 : 0);
        }

        @Override
        public void accepted() {
            accepted.countDown();
            await(releaseAccept);
        }

        @Override
        public void creatingEndPoint() {
            creating.countDown();
            await(releaseEndPoint);
        }
    }

    /** A client that sends its headers and the first part of a 2 MB body, then waits for an answer. */
    private record PausedClient(Thread thread, AtomicReference<String> seen) {
        static PausedClient start(int port) {
            AtomicReference<String> seen = new AtomicReference<>();
            Thread t = new Thread(() -> seen.set(uploadHalfAndRead(port)), "paused-mid-body");
            t.start();
            return new PausedClient(t, seen);
        }

        /** The client was cut off (not left waiting) and the port has no endpoint open. */
        void assertCutOff(HttpHost host) throws InterruptedException {
            thread.join(5_000);
            assertThat(thread.isAlive()).as("the client paused mid-body is not left waiting").isFalse();
            assertThat(seen.get()).as("what the client saw").isIn("EOF", "reset");
            assertThat(host.served().openEndPoints()).as("endpoints left open").isZero();
        }
    }

    @Test
    void aClosedPortCanBeBoundAgainTheMomentCloseReturns() throws Exception {
        for (int i = 0; i < 50; i++) {
            HttpHost host = new HttpHost("127.0.0.1", 0, 0).start();
            int port = host.port();
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write("GET /api/v2/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(s.getInputStream().read()).as("an answer").isPositive();
                host.close();
            }
            try (ServerSocketChannel again = ServerSocketChannel.open()) {
                again.setOption(StandardSocketOptions.SO_REUSEADDR, true); // as a capture binds (Listening)
                again.bind(new InetSocketAddress("127.0.0.1", port));
            }
        }
    }

    @Test
    void anIdleConnectionIsKeptForTheRealServersTenMinutesOnPlainAndHttpsPorts() throws Exception {
        HttpHost plain = new HttpHost("127.0.0.1", 0, 0).start();
        HttpHost https = new HttpHost("127.0.0.1", 0, 1, ServerTls.prepare(Tls.selfSigned(), List.of("127.0.0.1"))).start();
        try (Socket a = new Socket("127.0.0.1", plain.port()); Socket b = new Socket("127.0.0.1", https.port())) {
            for (HttpHost host : List.of(plain, https)) {
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !host.served().idleTimeouts().isEmpty());
                assertThat(host.served().idleTimeouts()).containsOnly(10 * 60 * 1000L);
            }
        } finally {
            plain.close();
            https.close();
        }
    }

    @Test
    void aPortQueuesABurstOfConnectsInTheKernel() {
        // the JDK's default backlog of 50 makes the 51st connect of a burst wait a second for a retry
        assertThat(Listening.ACCEPT_QUEUE).isGreaterThanOrEqualTo(1024);
    }

    /** Sends headers and 64 KiB of a 2 MiB body, then reads: "EOF", "reset" or what came back. */
    private static String uploadHalfAndRead(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v2/changefeeds HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (2 << 20)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] part = new byte[64 * 1024];
            Arrays.fill(part, (byte) 'a');
            out.write(part);
            out.flush();
            InputStream in = s.getInputStream();
            int b = in.read();
            return b < 0 ? "EOF" : "answer starting with " + (char) b;
        } catch (SocketTimeoutException e) {
            return "nothing for 60 s";
        } catch (IOException e) {
            return "reset";
        }
    }

    /** Waits until the closer is blocked in Jetty's selector stop, i.e. its first step is queued. */
    private static void awaitQueuedCloseConnections(Thread closer) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (closer.getState() == Thread.State.WAITING && Arrays.stream(closer.getStackTrace())
                    .anyMatch(e -> e.getClassName().endsWith("ManagedSelector") && e.getMethodName().equals("doStop"))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the port's close never reached Jetty's selector stop");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
