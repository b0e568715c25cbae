package io.faketicdc.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.internal.tls.TestCertificates;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS flags of the standalone runner: {@code --cert --key --ca}, {@code --tls self-signed}, {@code --mtls}, {@code --cert-allowed-cn}. */
class TlsFlagsTest {

    private static String refused(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertThat(exit).as(text).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(text.lines()).hasSize(1);
        return text;
    }

    @Test
    void bad_tls_flags_are_one_line_naming_the_flag_and_exit_2(@TempDir Path dir) throws Exception {
        TestCertificates.ServerFiles f = new TestCertificates().writeServer(dir);
        String a = "127.0.0.1:0";
        assertThat(refused("--addr", a, "--cert", f.cert().toString(), "--ca", f.ca().toString()))
                .isEqualTo("fake-ticdc: --key is missing: --cert, --key and --ca go together (as cdc server)");
        assertThat(refused("--addr", a, "--key", f.key().toString()))
                .isEqualTo("fake-ticdc: --cert is missing: --cert, --key and --ca go together (as cdc server)");
        Path missing = dir.resolve("missing-key.pem");
        assertThat(refused("--addr", a, "--cert", f.cert().toString(), "--key", missing.toString(), "--ca", f.ca().toString()))
                .isEqualTo("fake-ticdc: --key: no such file " + missing);
        Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThat(refused("--addr", a, "--cert", junk.toString(), "--key", f.key().toString(), "--ca", f.ca().toString()))
                .isEqualTo("fake-ticdc: --cert: " + junk + " holds a certificate that cannot be parsed");
        assertThat(refused("--addr", a, "--tls", "acme")).startsWith("fake-ticdc: --tls must be self-signed, got 'acme'");
        assertThat(refused("--addr", a, "--tls", "self-signed", "--ca", f.ca().toString()))
                .isEqualTo("fake-ticdc: --tls self-signed and --cert/--key/--ca exclude each other");
        assertThat(refused("--addr", a, "--mtls")).isEqualTo("fake-ticdc: --mtls needs --tls self-signed or --cert, --key and --ca");
        assertThat(refused("--addr", a, "--tls", "self-signed", "--cert-allowed-cn", "a,,b"))
                .isEqualTo("fake-ticdc: --cert-allowed-cn: an empty common name in 'a,,b'");
    }

    @Test
    void tls_self_signed_with_allowed_cns_serves_https_and_writes_the_ca_and_a_client_certificate_for_the_users_client() throws Exception {
        PipedInputStream pipe = new PipedInputStream(1 << 16);
        PrintStream out = new PrintStream(new PipedOutputStream(pipe), true, StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"--addr", "127.0.0.1:0",
            "--tls", "self-signed", "--cert-allowed-cn", "ops,dashboard", "--cert-allowed-cn", "ci"}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        BufferedReader banner = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
        Matcher serving = Pattern.compile("serving (https://127\\.0\\.0\\.1:\\d+)").matcher(String.valueOf(banner.readLine()));
        assertThat(serving.find()).as(err.toString(StandardCharsets.UTF_8)).isTrue();
        String base = serving.group(1);
        assertThat(banner.readLine()).startsWith("  control API " + base + "/fake/v1");
        Matcher tls = Pattern.compile("  https, self-signed, client certificates of CN ops,dashboard,ci required; CA: (\\S+)")
                .matcher(banner.readLine());
        assertThat(tls.matches()).isTrue();
        Matcher client = Pattern.compile("  client certificate \\(CN ops\\): (\\S+) key: (\\S+)").matcher(banner.readLine());
        assertThat(client.matches()).isTrue();

        SSLContext ssl = fromFiles(Path.of(client.group(1)), Path.of(client.group(2)), Path.of(tls.group(1)));
        HttpClient http = HttpClient.newBuilder().sslContext(ssl).build();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/fake/v1/shutdown")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    }

    /** What a client does with its files: a key store of its certificate and PKCS#8 key, a trust store of the CA. */
    static SSLContext fromFiles(Path cert, Path key, Path ca) throws Exception {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", x509.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(ca))));
        String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyStore identity = KeyStore.getInstance("PKCS12");
        identity.load(null, null);
        identity.setKeyEntry("me", KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem))),
                new char[0], new Certificate[] {x509.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(cert)))});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(identity, new char[0]);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
