package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import io.faketicdc.Tls;
import io.faketicdc.internal.tls.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captures serving https, as {@code cdc server --cert --key --ca} with mtls and cert-allowed-cn. */
class TlsTest {
    private FakeTiCdc fake;

    private FakeTiCdc start(Consumer<FakeConfig.Builder> configure) {
        fake = FakeTiCdc.create(configure).start();
        return fake;
    }

    @AfterEach
    void close() {
        if (fake != null) fake.close();
    }

    private static HttpResponse<String> send(SSLContext ssl, String method, String url, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) r.header("Content-Type", "application/json");
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(SSLContext ssl, String url) throws Exception {
        return send(ssl, "GET", url, null);
    }

    @Test
    void a_self_signed_fake_serves_the_api_over_https_to_a_client_trusting_its_ca() throws Exception {
        start(c -> c.tls(Tls.selfSigned()));
        assertThat(fake.baseUrl()).startsWith("https://127.0.0.1:");
        HttpResponse<String> health = get(fake.sslContext(), fake.baseUrl() + "/api/v2/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{}");
        assertThat(health.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        HttpResponse<String> created = send(fake.sslContext(), "POST", fake.baseUrl() + "/api/v2/changefeeds",
                "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(fake.tls().caPem()).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(fake.tls().selfSigned()).isTrue();
    }

    @Test
    void localhost_is_a_name_of_the_self_signed_certificate_too() throws Exception {
        start(c -> c.tls(Tls.selfSigned()));
        assertThat(get(fake.sslContext(), "https://localhost:" + fake.port() + "/api/v2/health").statusCode()).isEqualTo(200);
    }

    @Test
    void a_client_that_does_not_trust_the_ca_fails_the_handshake() throws Exception {
        start(c -> c.tls(Tls.selfSigned()));
        SSLContext jdkDefaults = SSLContext.getDefault();
        assertThatThrownBy(() -> get(jdkDefaults, fake.baseUrl() + "/api/v2/health")).isInstanceOf(IOException.class);
    }

    @Test
    void a_plain_http_client_gets_no_http_answer_from_a_tls_port() throws Exception {
        start(c -> c.tls(Tls.selfSigned()));
        String answer = rawPlainExchange(fake.port());
        assertThat(answer).doesNotStartWith("HTTP/");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fake.port() + "/api/v2/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(fake.requests().all()).isEmpty();
    }

    /** Sends a plain request and reads whatever comes back until the server closes. */
    private static String rawPlainExchange(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(15_000);
            s.getOutputStream().write("GET /api/v2/health HTTP/1.1\r\nHost: ticdc.example:8300\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            try {
                in.transferTo(out);
            } catch (IOException reset) {
                // the server may reset instead of closing: either way no HTTP answer
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void with_mtls_a_client_without_a_certificate_fails_and_one_with_a_ca_signed_certificate_is_served() throws Exception {
        start(c -> c.tls(Tls.selfSigned()).mtls(true));
        String url = fake.baseUrl() + "/api/v2/health";
        assertThatThrownBy(() -> get(fake.tls().trustOnlySslContext(), url)).isInstanceOf(IOException.class);
        assertThat(get(fake.tls().clientCertificate("anyone").sslContext(), url).statusCode()).isEqualTo(200);
        assertThat(get(fake.sslContext(), url).statusCode()).as("the fake's own certificate, as a peer capture's").isEqualTo(200);
    }

    @Test
    void with_cert_allowed_cn_only_a_client_certificate_of_an_allowed_common_name_is_served() throws Exception {
        start(c -> c.tls(Tls.selfSigned()).certAllowedCn("ops", "dashboard"));
        String url = fake.baseUrl() + "/api/v2/health";
        assertThatThrownBy(() -> get(fake.tls().trustOnlySslContext(), url)).as("no certificate").isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(fake.tls().clientCertificate("intruder").sslContext(), url))
                .as("a CA-signed certificate of another name").isInstanceOf(IOException.class);
        assertThat(get(fake.tls().clientCertificate("dashboard").sslContext(), url).statusCode()).isEqualTo(200);
        assertThat(get(fake.sslContext(), url).statusCode()).as("the server's own name is allowed too").isEqualTo(200);
        assertThat(fake.requests().all()).hasSize(2);
    }

    @Test
    void the_users_own_pem_files_are_served(@TempDir Path dir) throws Exception {
        TestCertificates.ServerFiles files = new TestCertificates().writeServer(dir);
        start(c -> c.tls(Tls.fromPem(files.cert(), files.key(), files.ca())));
        assertThat(get(fake.sslContext(), fake.baseUrl() + "/api/v2/health").statusCode()).isEqualTo(200);
        assertThat(fake.tls().caPem()).isEqualTo(Files.readString(files.ca()));
        assertThat(fake.tls().selfSigned()).isFalse();
        assertThatThrownBy(() -> fake.tls().clientCertificate("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("self-signed");
    }

    @Test
    void a_key_in_the_older_sec1_form_is_read_as_go_reads_it(@TempDir Path dir) throws Exception {
        TestCertificates.ServerFiles files = new TestCertificates().writeServerWithSec1Key(dir);
        assertThat(Files.readString(files.key())).startsWith("-----BEGIN EC PRIVATE KEY-----");
        start(c -> c.tls(Tls.fromPem(files.cert(), files.key(), files.ca())));
        assertThat(get(fake.sslContext(), fake.baseUrl() + "/api/v2/health").statusCode()).isEqualTo(200);
    }

    @Test
    void owner_routes_are_forwarded_between_tls_captures() throws Exception {
        start(c -> c.tls(Tls.selfSigned()).mtls(true).captures(3));
        assertThat(fake.baseUrl(2)).startsWith("https://");
        HttpResponse<String> created = send(fake.sslContext(), "POST", fake.baseUrl(2) + "/api/v2/changefeeds",
                "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        RecordedRequest r = fake.requests().last();
        assertThat(r.slot()).isEqualTo(2);
        assertThat(r.forwardedTo()).isEqualTo(0);
        assertThat(get(fake.sslContext(), fake.baseUrl(1) + "/api/v2/changefeeds/cf1").statusCode()).isEqualTo(200);
    }

    @Test
    void the_control_api_answers_on_the_same_tls_port() throws Exception {
        start(c -> c.tls(Tls.selfSigned()).controlApi(true));
        HttpResponse<String> state = get(fake.sslContext(), fake.baseUrl() + "/fake/v1/state");
        assertThat(state.statusCode()).isEqualTo(200);
        HttpResponse<String> reset = send(fake.sslContext(), "POST", fake.baseUrl() + "/fake/v1/reset", "{}");
        assertThat(reset.statusCode()).as(reset.body()).isLessThan(300);
    }

    @Test
    void stopping_a_tls_capture_ends_its_open_connections_and_starting_it_serves_https_again() throws Exception {
        start(c -> c.tls(Tls.selfSigned()).captures(2));
        fake.faults().add(io.faketicdc.faults.FaultRule.on("GET /api/v2/status").respond(io.faketicdc.faults.Effect.hang()));
        try (Socket idle = tlsSocket(fake.port(1)); Socket hanging = tlsSocket(fake.port(1))) {
            // any Host is served, also one the certificate does not name (as Go serves it)
            idle.getOutputStream().write("GET /api/v2/health HTTP/1.1\r\nHost: ticdc.example:8300\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(idle.getInputStream())).startsWith("HTTP/1.1 200 OK");
            hanging.getOutputStream().write("GET /api/v2/status HTTP/1.1\r\nHost: ticdc.example:8300\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            fake.requests().await("GET", "/api/v2/status", java.time.Duration.ofSeconds(10));
            fake.cluster().stop(1);
            assertThat(ended(idle)).isTrue();
            assertThat(ended(hanging)).isTrue();
        }
        fake.cluster().start(1);
        assertThat(get(fake.sslContext(), fake.baseUrl(1) + "/api/v2/health").statusCode()).isEqualTo(200);
    }

    private Socket tlsSocket(int port) throws IOException {
        javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) fake.sslContext().getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(5_000);
        s.startHandshake();
        return s;
    }

    /** The status line and headers of one answer. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            head.append((char) b);
        }
        int length = Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        in.readNBytes(length);
        return head.toString();
    }

    /** Whether the connection ended (EOF, a reset or a TLS close) rather than stayed silent. */
    private static boolean ended(Socket s) {
        try {
            return s.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException silent) {
            return false;
        } catch (IOException endedAbruptly) {
            return true;
        }
    }

    @Test
    void a_reset_fault_resets_the_tls_connection() throws Exception {
        start(c -> c.tls(Tls.selfSigned()));
        fake.faults().add(io.faketicdc.faults.FaultRule.on("list changefeeds").respond(io.faketicdc.faults.Effect.reset()));
        assertThatThrownBy(() -> get(fake.sslContext(), fake.baseUrl() + "/api/v2/changefeeds")).isInstanceOf(IOException.class);
        assertThat(get(fake.sslContext(), fake.baseUrl() + "/api/v2/health").statusCode()).isEqualTo(200);
    }

    @Test
    void a_missing_key_file_is_refused_naming_the_setting_before_any_port_is_bound(@TempDir Path dir) throws Exception {
        TestCertificates.ServerFiles files = new TestCertificates().writeServer(dir);
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> FakeTiCdc.create(c -> c.port(port).tls(Tls.fromPem(files.cert(), missing, files.ca()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tls key: no such file " + missing);
        try (java.net.ServerSocket again = new java.net.ServerSocket(port)) {
            assertThat(again.getLocalPort()).as("the port is free").isEqualTo(port);
        }
    }

    @Test
    void an_unparsable_certificate_is_refused_naming_the_setting(@TempDir Path dir) throws Exception {
        TestCertificates.ServerFiles files = new TestCertificates().writeServer(dir);
        Path broken = Files.writeString(dir.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Path text = Files.writeString(dir.resolve("text.pem"), "hello\n");
        assertThatThrownBy(() -> FakeTiCdc.create(c -> c.tls(Tls.fromPem(broken, files.key(), files.ca()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls cert: " + broken + " holds a certificate that cannot be parsed");
        assertThatThrownBy(() -> FakeTiCdc.create(c -> c.tls(Tls.fromPem(files.cert(), files.key(), text))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tls ca: " + text + " holds no PEM certificate");
        assertThatThrownBy(() -> FakeTiCdc.create(c -> c.tls(Tls.fromPem(files.cert(), text, files.ca()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tls key: " + text + " holds no PEM private key");
    }

    @Test
    void a_key_of_another_certificate_is_refused(@TempDir Path dir) throws Exception {
        TestCertificates.ServerFiles files = new TestCertificates().writeServer(dir);
        Path otherKey = Files.writeString(dir.resolve("other-key.pem"), new TestCertificates().clientPem("x").get(1));
        assertThatThrownBy(() -> FakeTiCdc.create(c -> c.tls(Tls.fromPem(files.cert(), otherKey, files.ca()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls key: " + otherKey + " is not the private key of the certificate in " + files.cert());
    }

    @Test
    void cert_key_and_ca_go_together_and_mtls_needs_tls() {
        Path p = Path.of("x.pem");
        assertThatThrownBy(() -> Tls.fromPem(p, null, p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls: cert, key and ca go together (as cdc server --cert --key --ca); missing: key");
        assertThatThrownBy(() -> FakeConfig.builder().mtls(true).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mtls needs tls: set tls(Tls.selfSigned()) or tls(Tls.fromPem(cert, key, ca))");
        assertThatThrownBy(() -> FakeConfig.builder().certAllowedCn("a").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cert-allowed-cn needs tls");
        assertThatThrownBy(() -> FakeConfig.builder().tls(Tls.selfSigned()).certAllowedCn("a", " ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tls cert-allowed-cn: an empty common name");
        assertThat(FakeConfig.builder().tls(Tls.selfSigned()).certAllowedCn(" a ").build().tls().certAllowedCn()).containsExactly("a");
    }

    @Test
    void a_plain_fake_has_no_tls() {
        start(c -> { });
        assertThat(fake.baseUrl()).startsWith("http://");
        assertThatThrownBy(fake::tls).isInstanceOf(IllegalStateException.class).hasMessageContaining("plain http");
    }
}
