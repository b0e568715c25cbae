package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With the default loopback set-up and no token, a web page cannot drive the control API: the
 * requests a browser sends cross-origin without asking (text/plain, form or no body, with an
 * {@code Origin}) and requests whose {@code Host} is a rebound name change nothing, and no answer
 * grants CORS. The fake's own clients (JSON content type, an IP or localhost Host) still work.
 */
class ControlApiRefusesBrowsersTest {
    private static final Instant START = Instant.parse("2026-08-20T08:17:08.123Z");
    private FakeTiCdc fake;

    @BeforeEach
    void start() {
        fake = FakeTiCdc.create(c -> c.controlApi(true).startInstant(START)).start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Http.Response send(String method, String target, String body, String... headers) {
        return Http.send(fake.port(), method, target, body, headers);
    }

    private void assertNothingChanged() {
        assertThat(fake.clock().now()).isEqualTo(START);
        assertThat(fake.faults().clusterFaults()).isEmpty();
        assertThat(fake.faults().rules()).isEmpty();
        assertThat(send("GET", "/api/v2/health", null).status()).as("still serving").isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/fake/v1/clock|{\"advance\":\"1h\"}|Content-Type: text/plain",
            "/fake/v1/clock|advance=1h|Content-Type: application/x-www-form-urlencoded",
            "/fake/v1/faults|{\"kind\":\"sticky-owner\"}|Content-Type: text/plain;charset=UTF-8",
            "/fake/v1/faults|{\"kind\":\"unhealthy\"}|Content-Type: multipart/form-data; boundary=x",
            "/fake/v1/shutdown||Content-Type: text/plain",
            "/fake/v1/reset||X-Nothing: 1"})
    void aCrossOriginSimpleRequestChangesNothing(String target, String body, String contentType) throws InterruptedException {
        Http.Response r = send("POST", target, body, "Origin: http://evil.example", contentType);
        assertThat(r.status()).as(r.body()).isIn(403, 415);
        assertThat(r.headers().keySet()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
        // the same without an Origin (a form post from a page with a no-referrer policy): the content type stops it
        Http.Response noOrigin = send("POST", target, body, contentType);
        assertThat(noOrigin.status()).as(noOrigin.body()).isEqualTo(415);
        assertThat(noOrigin.body()).contains("Content-Type: application/json");
        assertNothingChanged();
        assertThat(fake.awaitClosed(java.time.Duration.ZERO)).isFalse();
    }

    @Test
    void aCrossOriginJsonRequestIsRefusedEvenThoughOnlyAPreflightWouldLetABrowserSendIt() {
        Http.Response r = send("POST", "/fake/v1/clock", "{\"advance\":\"1h\"}", "Origin: http://evil.example",
                "Content-Type: application/json");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("cross-origin");
        Http.Response preflight = send("OPTIONS", "/fake/v1/clock", null, "Origin: http://evil.example",
                "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: content-type");
        assertThat(preflight.headers().keySet()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
        assertNothingChanged();
    }

    @ParameterizedTest
    @CsvSource({"evil.example:PORT, 403", "evil.example, 403", "localhost.evil.example:PORT, 403", "127.0.0.1:1, 403",
            "127.0.0.1:PORT, 200", "localhost:PORT, 200", "LOCALHOST.:PORT, 200", "[::1]:PORT, 200"})
    void aRequestWhoseHostDoesNotNameTheFakeIsRefused(String host, int status) throws Exception {
        String statusLine = raw("POST /fake/v1/clock HTTP/1.1\r\nHost: " + host.replace("PORT", Integer.toString(fake.port()))
                + "\r\nContent-Type: application/json\r\nContent-Length: 16\r\nConnection: close\r\n\r\n{\"advance\":\"1h\"}");
        assertThat(statusLine).startsWith("HTTP/1.1 " + status);
        if (status == 403) assertNothingChanged();
        else assertThat(fake.clock().now()).isEqualTo(START.plusSeconds(3600));
    }

    /** Sends bytes as they are (a Host of our choosing) and answers the status line. */
    private String raw(String request) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", fake.port())) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
        }
    }

    @Test
    void theFakesOwnClientsStillWork() {
        assertThat(send("POST", "/fake/v1/clock", "{\"advance\":\"1h\"}", "Content-Type: application/json").status()).isEqualTo(200);
        assertThat(send("POST", "/fake/v1/clock", "{\"advance\":\"1h\"}", "Content-Type: application/json; charset=utf-8",
                "Origin: http://127.0.0.1:" + fake.port()).status()).isEqualTo(200);
        assertThat(send("GET", "/fake/v1/state", null).status()).isEqualTo(200);
        assertThat(fake.clock().now()).isEqualTo(START.plusSeconds(7200));
    }
}
