package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When a fake closes, or one of its captures stops or crashes, every connection of that port ends
 * at once, wherever its exchange stands: the client sees EOF or a reset, never silence.
 * Each case first waits until the exchange is where it says (a handler blocked on the body, a
 * delay entered, a hang delivered, an answer read), then ends the capture.
 */
class ClosingEndsEveryConnectionTest {
    /** How long a client waits for its connection to end: far beyond "at once", far below any timeout. */
    private static final int READ_TIMEOUT_MS = 5_000;

    enum Ending {
        CLOSE((fake, slot) -> fake.close()),
        STOP((fake, slot) -> fake.cluster().stop(slot)),
        CRASH((fake, slot) -> fake.cluster().crash(slot));

        private final BiConsumer<FakeTiCdc, Integer> action;

        Ending(BiConsumer<FakeTiCdc, Integer> action) {
            this.action = action;
        }
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void aClientPausedMidBodySeesItsConnectionEnd(Ending ending) throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.captures(2)).start(); Socket s = connect(fake.port(1))) {
            Set<Thread> readingBefore = threadsReadingABody();
            send(s, "POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Length: " + (2 << 20) + "\r\n\r\n");
            byte[] part = new byte[64 * 1024];
            Arrays.fill(part, (byte) ' ');
            s.getOutputStream().write(part);
            s.getOutputStream().flush();
            awaitAnotherThreadReadingABody(readingBefore);
            ending.action.accept(fake, 1);
            assertThat(whatTheClientSees(s)).isIn("EOF", "reset");
        }
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void aClientWaitingInADelaySeesItsConnectionEnd(Ending ending) throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.captures(2)).start(); Socket s = connect(fake.port(0))) {
            fake.faults().add(FaultRule.on("create changefeed").afterCommit().respond(Effect.delay(Duration.ofMinutes(5))));
            String body = "{\"changefeed_id\":\"delayed\",\"sink_uri\":\"blackhole://\"}";
            send(s, "POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            // after commit: the changefeed exists, then the delay begins
            while (Http.send(fake.port(1), "GET", "/api/v2/changefeeds/delayed", null).status() != 200) Thread.sleep(5);
            ending.action.accept(fake, 0);
            assertThat(whatTheClientSees(s)).isIn("EOF", "reset");
        }
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void aHangingClientSeesItsConnectionEnd(Ending ending) throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.captures(2)).start(); Socket s = connect(fake.port(1))) {
            fake.faults().add(FaultRule.on("GET /api/v2/status").respond(Effect.hang()));
            send(s, "GET /api/v2/status HTTP/1.1\r\nHost: x\r\n\r\n");
            fake.requests().await("GET", "/api/v2/status", Duration.ofSeconds(10)); // recorded, then held
            ending.action.accept(fake, 1);
            assertThat(whatTheClientSees(s)).isIn("EOF", "reset");
        }
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void anIdleKeepAliveClientSeesItsConnectionEnd(Ending ending) throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.captures(2)).start(); Socket s = connect(fake.port(1))) {
            send(s, "GET /api/v2/status HTTP/1.1\r\nHost: x\r\n\r\n");
            readOneResponse(s.getInputStream());
            ending.action.accept(fake, 1);
            assertThat(whatTheClientSees(s)).isIn("EOF", "reset");
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(READ_TIMEOUT_MS);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** "EOF" or "reset" when the connection ended; anything else is a failure to end it. */
    private static String whatTheClientSees(Socket s) {
        try {
            int b = s.getInputStream().read();
            return b < 0 ? "EOF" : "more bytes: " + (char) b + new String(s.getInputStream().readNBytes(300), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "nothing for " + READ_TIMEOUT_MS + " ms: the connection was left open";
        } catch (IOException e) {
            return "reset";
        }
    }

    /** Reads a status line, headers and a Content-Length body. */
    private static void readOneResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("EOF in headers");
            head.append((char) b);
        }
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("content-length:");
        int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
    }

    /** Server threads reading a request body now. */
    private static Set<Thread> threadsReadingABody() {
        return Thread.getAllStackTraces().entrySet().stream().filter(t -> Arrays.stream(t.getValue())
                        .anyMatch(e -> e.getClassName().endsWith("internal.server.RequestReading") && e.getMethodName().equals("body")))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Waits until a server thread not in {@code before} reads a body: the one serving this test's client. */
    private static void awaitAnotherThreadReadingABody(Set<Thread> before) throws InterruptedException {
        for (int i = 0; i < 2000; i++) {
            if (!before.containsAll(threadsReadingABody())) return;
            Thread.sleep(5);
        }
        throw new AssertionError("no handler started reading the body");
    }
}
