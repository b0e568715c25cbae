package io.faketicdc.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.Tls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

/** The TLS example of docs/scripting.md, compiled and run; ReadmeSnippetsTest checks the page shows it verbatim. */
class TlsExampleTest {

    @Test
    void mutualTls() throws Exception {
        // snippet:tls-mutual
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.tls(Tls.selfSigned()).certAllowedCn("ops")).start()) {
            HttpRequest health = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/health")).build();

            HttpClient ops = HttpClient.newBuilder().sslContext(fake.tls().clientCertificate("ops").sslContext()).build();
            assertThat(ops.send(health, BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            HttpClient guest = HttpClient.newBuilder().sslContext(fake.tls().clientCertificate("guest").sslContext()).build();
            assertThatThrownBy(() -> guest.send(health, BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);   // the handshake fails: CN guest is not allowed
        }
        // end-snippet
    }
}
