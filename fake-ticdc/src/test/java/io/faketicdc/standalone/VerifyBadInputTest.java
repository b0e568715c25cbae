package io.faketicdc.standalone;

import static io.faketicdc.standalone.VerifyCommandTest.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import io.faketicdc.standalone.verify.Case;
import io.faketicdc.standalone.verify.Cases;
import io.faketicdc.standalone.VerifyCommandTest.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A target that is not a TiCDC server: one line on stderr, exit status 2, and nothing but reads sent. */
class VerifyBadInputTest {
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    /** A tiny server answering every request with {@code status}, {@code type} and {@code body}; it records the request lines. */
    private String serve(int status, String type, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            received.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void assertOneLine(Result r, String line) {
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(line + System.lineSeparator());
    }

    @Test
    void a_closed_port_is_one_line_and_exit_status_2() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertOneLine(verify("--target", "http://127.0.0.1:" + port),
                "fake-ticdc verify: cannot reach http://127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void an_https_target_that_speaks_plain_http_is_one_line_naming_the_tls_handshake() {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> { }).start()) {
            String url = "https://127.0.0.1:" + fake.port();
            assertOneLine(verify("--target", url), "fake-ticdc verify: cannot reach " + url + ": the TLS handshake failed (not an https"
                    + " server, or a certificate the JDK does not trust: see -Djavax.net.ssl.trustStore)");
        }
    }

    @Test
    void a_server_answering_html_is_one_line_and_exit_status_2_after_nothing_but_a_read() throws IOException {
        String url = serve(200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body>Welcome</body></html>");
        assertOneLine(verify("--target", url), "fake-ticdc verify: " + url
                + " is not a TiCDC server: GET /api/v2/status answered 200 an HTML page (text/html; charset=utf-8)");
        assertThat(received).containsExactly("GET /api/v2/status");
    }

    @Test
    void a_json_server_that_is_not_ticdc_is_one_line_and_exit_status_2_after_nothing_but_a_read() throws IOException {
        String url = serve(404, "application/json", "{\"message\":\"Not Found\"}");
        assertOneLine(verify("--target", url), "fake-ticdc verify: " + url
                + " is not a TiCDC server: GET /api/v2/status answered 404 (application/json) {\"message\":\"Not Found\"}");
        assertThat(received).containsExactly("GET /api/v2/status");
    }

    @Test
    void a_json_server_with_a_status_but_not_ticdcs_is_refused_before_anything_is_created() throws IOException {
        String url = serve(200, "application/json", "{\"status\":\"ok\"}");
        assertOneLine(verify("--target", url, "--only", "lifecycle"), "fake-ticdc verify: " + url
                + " is not a TiCDC server: GET /api/v2/status answered JSON without TiCDC's version, id and is_owner");
        assertThat(received).containsExactly("GET /api/v2/status");
    }

    @Test
    void a_bad_against_server_is_refused_before_anything_is_created_on_the_target() throws IOException {
        String url = serve(200, "text/html", "<html></html>");
        try (FakeTiCdc fake = FakeTiCdc.create(c -> { }).start()) {
            Result r = verify("--target", fake.baseUrl(), "--against", url);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).startsWith("fake-ticdc verify: " + url + " is not a TiCDC server").hasLineCount(1);
            assertThat(fake.requests().all()).allSatisfy(req -> assertThat(req.method()).isEqualTo("GET"));
        }
    }

    @Test
    void list_prints_the_selected_cases_with_their_tags_and_upstream_files_and_needs_no_target() {
        Result r = verify("--list", "--only", "read-only", "--profile", "newarch");
        assertThat(r.status()).isZero();
        assertThat(r.lines()).isNotEmpty().allSatisfy(l -> assertThat(l).matches("read-only,\\S+  .+  \\(pingcap/(tiflow|ticdc) \\S+\\.go\\)"))
                .anyMatch(l -> l.endsWith("(pingcap/ticdc api/v2/processor.go)"));
    }

    @Test
    void list_shows_only_the_cases_that_run_on_the_profile() {
        for (Profile p : Profile.values()) {
            List<String> expected = Cases.all().stream().filter(c -> c.runsOn(p)).map(Case::name).toList();
            Result r = verify("--list", "--include-disruptive", "--profile", p.toString());
            assertThat(r.status()).isZero();
            assertThat(r.lines()).as(p.toString()).hasSameSizeAs(expected)
                    .allSatisfy(l -> assertThat(expected).anySatisfy(name -> assertThat(l).contains("  " + name + "  (")));
        }
        assertThat(verify("--list", "--profile", "newarch").lines()).hasSizeLessThan(Cases.all().size())
                .anyMatch(l -> l.contains("(pingcap/ticdc ")).noneMatch(l -> l.contains("  deleting an unknown changefeed answers 200 with {}  "));
        assertThat(verify("--list", "--profile", "master").lines()).hasSizeLessThan(Cases.all().size())
                .noneMatch(l -> l.contains("(pingcap/ticdc api/v2/processor.go)"));
    }

    @Test
    void bad_options_are_one_line_and_exit_status_2() {
        assertOneLine(verify(), "fake-ticdc verify: --target URL is required (the TiCDC server to check)");
        assertOneLine(verify("--target", "127.0.0.1:8300"),
                "fake-ticdc verify: --target must be an http:// or https:// URL such as http://127.0.0.1:8300, got '127.0.0.1:8300'");
        assertOneLine(verify("--target", "http://127.0.0.1:1", "--profile", "v6"),
                "fake-ticdc verify: --profile: unknown profile 'v6' (expected master, v7.3 or newarch)");
        assertThat(verify("--target", "http://127.0.0.1:1", "--only", "no-such-thing").err()).startsWith(
                "fake-ticdc verify: --only: no case matches 'no-such-thing' (tags: ");
        assertOneLine(verify("--target", "http://127.0.0.1:1", "--user", "nopassword"),
                "fake-ticdc verify: --user must be NAME:PASSWORD, got 'nopassword'");
    }
}
