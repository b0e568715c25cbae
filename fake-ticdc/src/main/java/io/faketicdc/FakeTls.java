package io.faketicdc;

import io.faketicdc.internal.tls.Issued;
import io.faketicdc.internal.tls.ServerTls;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;

/**
 * What a client needs to talk to a fake that serves https ({@link FakeTiCdc#tls()}): the CA to
 * trust, ready-made {@link SSLContext}s, and, for a self-signed fake, client certificates with the
 * common name a test chooses.
 *
 * <pre>{@code
 * HttpClient client = HttpClient.newBuilder().sslContext(fake.tls().sslContext()).build();
 * }</pre>
 */
public final class FakeTls {
    private final ServerTls tls;
    private volatile SSLContext client;

    FakeTls(ServerTls tls) {
        this.tls = tls;
    }

    /**
     * A client context that trusts the fake's CA and, when the fake asks for a client certificate
     * (mtls, cert-allowed-cn), presents the fake's own server certificate, as TiCDC's captures do
     * between themselves (its common name is always allowed). Made once.
     */
    public SSLContext sslContext() {
        SSLContext c = client;
        if (c == null) client = c = tls.clientContext();
        return c;
    }

    /** A client context that trusts the fake's CA and presents no certificate (a fresh one each call). */
    public SSLContext trustOnlySslContext() {
        return tls.trustOnlyContext();
    }

    /** The CA certificates clients must trust (and their certificates must chain to), PEM. */
    public String caPem() {
        return tls.caPem();
    }

    /** The CA certificates as trusted entries of an in-memory PKCS#12 key store (no password). */
    public KeyStore trustStore() {
        return tls.trustStore();
    }

    /** The server's certificate chain, PEM, leaf first. */
    public String serverCertificatePem() {
        return tls.server().chainPem();
    }

    /** Whether the fake made its own CA ({@link Tls#selfSigned()}). */
    public boolean selfSigned() {
        return tls.issuesClientCertificates();
    }

    /**
     * A new client certificate with this common name, signed by the fake's own CA (a self-signed
     * fake only: an {@link IllegalStateException} otherwise).
     */
    public ClientCertificate clientCertificate(String commonName) {
        Issued issued = tls.issueClient(commonName);
        return new ClientCertificate(commonName, issued.certificatePem(), issued.keyPem(), tls.clientContext(issued));
    }
}
