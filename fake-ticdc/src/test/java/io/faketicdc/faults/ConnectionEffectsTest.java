package io.faketicdc.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connection-level effects, as java.net.http and a raw socket see them. */
class ConnectionEffectsTest extends FaultTestBase {

    @Test
    void aResetIsSeenAsConnectionResetByPeer() {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.reset()));
        assertThatThrownBy(() -> call("GET", "/api/v2/changefeeds", null))
                .isInstanceOf(IOException.class).hasRootCauseInstanceOf(SocketException.class)
                .hasRootCauseMessage("Connection reset");
        assertThatThrownBy(() -> rawExchange("GET /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\n\r\n"))
                .isInstanceOf(SocketException.class).hasMessage("Connection reset");
    }

    @Test
    void aCloseWithoutResponseIsSeenAsAnEmptyAnswer() throws IOException {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.close()));
        assertThatThrownBy(() -> call("GET", "/api/v2/changefeeds", null))
                .isInstanceOf(IOException.class).hasMessageContaining("header parser received no bytes")
                .hasNoSuppressedExceptions().rootCause().isNotInstanceOf(SocketException.class);
        assertThat(rawExchange("GET /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\n\r\n")).isEmpty();
    }

    @Test
    void aTruncatedBodyPromisesTheFullLengthAndDeliversHalf() throws IOException {
        fake.faults().add(FaultRule.on("get changefeed").respond(Effect.truncatedBody()));
        create(CREATE_CF1);
        byte[] raw = rawExchange("GET /api/v2/changefeeds/cf1 HTTP/1.1\r\nHost: x\r\n\r\n");
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n") + 4;
        int promised = Integer.parseInt(text.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        String body = text.substring(split);
        assertThat(text).startsWith("HTTP/1.1 200 OK");
        assertThat(body.length()).isEqualTo(promised / 2);
        assertThatThrownBy(() -> new ObjectMapper().readTree(body)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> call("GET", "/api/v2/changefeeds/cf1", null)).isInstanceOf(IOException.class);
    }

    @Test
    void garbageBytesArriveInsteadOfAResponseAndTheConnectionCloses() throws IOException {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.garbage("\u0000\u00ffnot http\r\n")));
        assertThat(rawExchange("GET /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\n\r\n"))
                .isEqualTo("\u0000\u00ffnot http\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> call("GET", "/api/v2/changefeeds", null)).isInstanceOf(IOException.class);
    }

    @Test
    void aHangingRequestTimesOutOnTheClient() {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.hang()));
        assertThatThrownBy(() -> callSlot(0, "GET", "/api/v2/changefeeds", null, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void closingTheFakeWithARequestHangingFinishesWithinASecond() throws Exception {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.hang()));
        try (Socket s = new Socket("127.0.0.1", fake.port())) {
            s.getOutputStream().write("GET /api/v2/changefeeds HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            fake.requests().await("GET", "/api/v2/changefeeds", Duration.ofSeconds(5));
            long start = System.nanoTime();
            fake.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            s.setSoTimeout(2000);
            assertThat(s.getInputStream().read()).as("connection ends without a byte").isEqualTo(-1);
        }
    }

    @Test
    void aDelayPostponesTheRealAnswer() throws Exception {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.delay(Duration.ofMillis(400))));
        long start = System.nanoTime();
        assertThat(call("GET", "/api/v2/changefeeds", null).body()).isEqualTo("{\"total\":0,\"items\":[]}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void aSlowBodyTricklesTheRealBytesInChunks() throws Exception {
        create(CREATE_CF1);
        String whole = get("/api/v2/changefeeds/cf1").body();
        fake.faults().add(FaultRule.on("get changefeed").respond(Effect.slowBody(Duration.ofMillis(600), 4)));
        long start = System.nanoTime();
        assertThat(call("GET", "/api/v2/changefeeds/cf1", null).body()).isEqualTo(whole);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    /** Sends raw bytes and reads everything until the server closes. */
    private byte[] rawExchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", fake.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return in.readAllBytes();
        }
    }
}
