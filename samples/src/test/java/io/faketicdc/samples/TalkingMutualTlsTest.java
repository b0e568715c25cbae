package io.faketicdc.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.ClientCertificate;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TiCDC that serves https and takes only clients whose certificate has an allowed common name
 * ({@code cert-allowed-cn}): the client reads its CA, certificate and key from files, as it would
 * in production; the fake issues the files.
 */
// snippet:samples-mtls
@TiCdcFake(tls = "self-signed", certAllowedCn = "replication-service")
class TalkingMutualTlsTest {
    @TempDir
    Path dir;

    /** The files an operator would hand the service: the CA, and a certificate with this common name and its key. */
    private ClientSettings filesFor(FakeTiCdc fake, String commonName) throws IOException {
        ClientCertificate issued = fake.tls().clientCertificate(commonName);
        Path ca = Files.writeString(dir.resolve("ca.pem"), fake.tls().caPem());
        Path cert = Files.writeString(dir.resolve(commonName + ".pem"), issued.certificatePem());
        Path key = Files.writeString(dir.resolve(commonName + "-key.pem"), issued.privateKeyPem());
        return Fast.client().withTls(ClientTls.fromPemFiles(cert, key, ca));
    }

    @Test
    void withACertificateOfAnAllowedNameTheChangefeedIsCreatedOverHttps(FakeTiCdc fake, URI baseUri) throws IOException {
        ChangefeedManager manager = new ChangefeedManager(baseUri, filesFor(fake, "replication-service"));

        assertThat(baseUri.getScheme()).isEqualTo("https");
        assertThat(manager.create("orders", "blackhole://").state()).isEqualTo("normal");
    }

    @Test
    void aCertificateOfAnotherNameIsRefusedInTheHandshakeAndNotRetried(FakeTiCdc fake, URI baseUri) throws IOException {
        ChangefeedManager manager = new ChangefeedManager(baseUri, filesFor(fake, "intern-laptop"));

        assertThatThrownBy(() -> manager.create("orders", "blackhole://"))
                .isInstanceOf(TiCdcTlsException.class).hasMessageContaining("TLS handshake failed");
        assertThat(fake.requests().all()).isEmpty();   // no request got through
    }

    @Test
    void withoutAClientCertificateTheHandshakeFails(FakeTiCdc fake, URI baseUri) throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), fake.tls().caPem());
        ChangefeedManager manager = new ChangefeedManager(baseUri, Fast.client().withTls(ClientTls.trusting(ca)));

        assertThatThrownBy(() -> manager.create("orders", "blackhole://")).isInstanceOf(TiCdcTlsException.class);
    }

    @Test
    void aTestCanAlsoTakeTheFakesOwnSslContext(SSLContext ssl, URI baseUri) {
        // the fake's own certificate, as TiCDC's captures present it to each other: always allowed
        ChangefeedManager manager = new ChangefeedManager(baseUri, Fast.client().withTls(ssl));

        assertThat(manager.create("orders", "blackhole://").isNormal()).isTrue();
    }
}
// end-snippet
