package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.Tls;
import io.faketicdc.api.Http;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * TLS costs a plain fake nothing: starting one and serving a request loads no BouncyCastle class,
 * none of Jetty's TLS classes and none of the fake's own TLS package (a fresh JVM with
 * {@code -verbose:class}); a self-signed fake in the same set-up loads them, which shows the check sees them.
 */
class TlsCostsNothingUnusedTest {

    /** What the forked JVM runs: a fake (https with "tls") started, asked one request, closed. */
    public static final class StartOne {
        public static void main(String[] args) throws Exception {
            boolean tls = args.length > 0 && args[0].equals("tls");
            try (FakeTiCdc fake = FakeTiCdc.create(c -> {
                if (tls) c.tls(Tls.selfSigned());
            }).start()) {
                int status = tls ? https(fake.sslContext(), fake.baseUrl() + "/api/v2/health")
                        : Http.send(fake.port(), "GET", "/api/v2/health", null).status();
                if (status != 200) throw new AssertionError("health answered " + status);
            }
        }

        private static int https(SSLContext ssl, String url) throws Exception {
            return java.net.http.HttpClient.newBuilder().sslContext(ssl).build().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** (Jetty's connectors load SslConnectionFactory itself on every start, plain or not: not counted.) */
    private static final List<String> TLS_ONLY = List.of("org.bouncycastle.", "io.faketicdc.internal.tls.",
            "io.faketicdc.internal.server.TlsConnections", "org.eclipse.jetty.util.ssl.", "org.eclipse.jetty.io.ssl.");

    @Test
    void a_plain_fake_loads_no_tls_class() throws Exception {
        assertThat(loadedTlsClasses("plain")).isEmpty();
    }

    @Test
    void a_self_signed_fake_loads_them() throws Exception {
        List<String> loaded = loadedTlsClasses("tls");
        assertThat(loaded).anyMatch(c -> c.startsWith("org.bouncycastle."))
                .anyMatch(c -> c.startsWith("org.eclipse.jetty.util.ssl.SslContextFactory"));
    }

    private static List<String> loadedTlsClasses(String mode) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-verbose:class", "-cp", cp,
                StartOne.class.getName(), mode));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).as("-verbose:class lists classes").contains("io.faketicdc.FakeTiCdc");
        return Arrays.stream(output.split("\n"))
                .filter(l -> l.contains("[class,load]"))
                .map(l -> l.replaceAll(".*\\[class,load\\] (\\S+).*", "$1"))
                .filter(c -> TLS_ONLY.stream().anyMatch(c::startsWith))
                .collect(Collectors.toList());
    }
}
