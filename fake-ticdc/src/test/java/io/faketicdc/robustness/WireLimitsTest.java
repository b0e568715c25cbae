package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits and oddities of the wire, answered as Go's net/http and TiCDC's handlers answer them:
 * header sizes, long paths, bad escapes, bodies cut off, and a flood of held connections.
 */
class WireLimitsTest {
    private FakeTiCdc fake;

    @BeforeEach
    void start() {
        fake = FakeTiCdc.create().start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void headersUpToGosOneMebibyteAreAccepted() {
        Http.Response r = Http.send(fake.port(), "GET", "/api/v2/status", null, "X-Big: " + "a".repeat(512 * 1024));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void headersBeyondGosLimitAreRefusedWith431() {
        String answer = raw("GET /api/v2/status HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat((1 << 20) + 8192)
                + "\r\nConnection: close\r\n\r\n", false);
        assertThat(answer).startsWith("HTTP/1.1 431 ");
    }

    @Test
    void aLongPathReachesTheRoute() {
        Http.Response r = Http.send(fake.port(), "GET", "/api/v2/changefeeds/" + "a".repeat(16 * 1024), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("CDC:ErrAPIInvalidParam").contains("invalid changefeed_id");
    }

    @Test
    void aBadEscapeInThePathGetsGosOwnPlainBadRequest() {
        String answer = raw("GET /api/v2/changefeeds/%u0041 HTTP/1.1\r\nHost: x\r\n\r\n", false);
        assertThat(answer).isEqualTo("HTTP/1.0 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Connection: close\r\n\r\n400 Bad Request");
    }

    @Test
    void aRequestJettyCannotParseGetsAPlainBadRequestAsGoWritesItNotAnHtmlPage() {
        String answer = raw("GET /api/v2/changefeeds/%zz HTTP/1.1\r\nHost: x\r\n\r\n", false);
        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Content-Type: text/plain; charset=utf-8\r\n")
                .contains("Connection: close\r\n").endsWith("\r\n\r\n400 Bad Request").doesNotContain("<html");
    }

    @Test
    void anUpgradeHeaderTheConnectionHeaderDoesNotListIsServedAsGoServesItNotRefusedAsABadH2cUpgrade() {
        // Go's net/http upgrades nothing and serves the request as it came; Jetty would answer its own 400
        String answer = raw("GET /api/v2/health HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: close\r\n\r\n", false);
        assertThat(answer).startsWith("HTTP/1.1 200 ");
        assertThat(fake.requests().last().header("Upgrade")).isEqualTo("websocket");
    }

    @Test
    void anUpgradeTheConnectionHeaderAsksForIsServedAsAPlainRequestToo() {
        String answer = raw("GET /api/v2/health HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings, close\r\n"
                + "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n", false);
        assertThat(answer).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aChunkedBodyCutOffMidJsonIsTheDecodersUnexpectedEof() {
        String answer = raw("POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "10\r\n{\"changefeed_id\"", true);
        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("unexpected EOF").doesNotContain("Server Error");
    }

    @Test
    void aBodyShorterThanItsContentLengthIsTheDecodersUnexpectedEof() {
        String answer = raw("POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"changefeed_id\"", true);
        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("unexpected EOF").doesNotContain("Server Error");
    }

    @Test
    void threadsHeldByAFloodOfSlowUploadsEndSoonAfterTheFlood() throws Exception {
        int before = workers();
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 150; i++) {
                Socket s = new Socket("127.0.0.1", fake.port());
                OutputStream out = s.getOutputStream();
                // a body that never comes: each request holds a server thread in its read
                out.write("POST /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                held.add(s);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> workers() >= before + 100);
        } finally {
            for (Socket s : held) s.close();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> workers() <= before + 10);
    }

    private static int workers() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().matches("fake-ticdc-\\d+")).count();
    }

    /** Sends bytes as they are, half-closes when asked, and returns everything the fake sent back. */
    private String raw(String request, boolean halfClose) {
        try (Socket s = new Socket("127.0.0.1", fake.port())) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            if (halfClose) s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
