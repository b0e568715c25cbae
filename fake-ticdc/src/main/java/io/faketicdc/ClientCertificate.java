package io.faketicdc;

import javax.net.ssl.SSLContext;

/**
 * A client certificate a self-signed fake issued ({@link FakeTls#clientCertificate(String)}): PEM
 * to write to files for a client that reads its own, or a ready {@link SSLContext}.
 */
public final class ClientCertificate {
    private final String commonName;
    private final String certificatePem;
    private final String privateKeyPem;
    private final SSLContext sslContext;

    ClientCertificate(String commonName, String certificatePem, String privateKeyPem, SSLContext sslContext) {
        this.commonName = commonName;
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
        this.sslContext = sslContext;
    }

    public String commonName() {
        return commonName;
    }

    /** The certificate, PEM. */
    public String certificatePem() {
        return certificatePem;
    }

    /** Its private key, unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public String privateKeyPem() {
        return privateKeyPem;
    }

    /** A client context presenting this certificate and trusting the fake's CA. */
    public SSLContext sslContext() {
        return sslContext;
    }

    @Override
    public String toString() {
        return "ClientCertificate[CN=" + commonName + "]";
    }
}
