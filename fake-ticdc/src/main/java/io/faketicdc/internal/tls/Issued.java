package io.faketicdc.internal.tls;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/** A certificate chain (leaf first) and its private key. */
public record Issued(List<X509Certificate> chain, PrivateKey key) {

    public Issued {
        chain = List.copyOf(chain);
    }

    /** The chain as PEM. */
    public String chainPem() {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : chain) out.append(pemOf(c));
        return out.toString();
    }

    /** The leaf certificate as PEM. */
    public String certificatePem() {
        return pemOf(chain.get(0));
    }

    /** The private key as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}). */
    public String keyPem() {
        return Pem.encode("PRIVATE KEY", key.getEncoded());
    }

    public static String pemOf(X509Certificate c) {
        try {
            return Pem.encode("CERTIFICATE", c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
