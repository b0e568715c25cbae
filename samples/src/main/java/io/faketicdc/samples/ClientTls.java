package io.faketicdc.samples;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client's TLS set-up from the files an operator hands it, as {@code cdc cli --ca --cert --key}
 * takes them: the CA to trust the server by, and for mTLS the client's certificate and its
 * unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----}). Plain JDK, no dependency.
 */
public final class ClientTls {
    private static final char[] NO_PASSWORD = new char[0];

    private ClientTls() { }

    /** Trusts the CA and presents the client certificate when the server asks for one. */
    public static SSLContext fromPemFiles(Path cert, Path key, Path ca) {
        try {
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            Collection<? extends Certificate> chain = certificates(cert);
            identity.setKeyEntry("client", privateKey(key), NO_PASSWORD, chain.toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, NO_PASSWORD);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keys.getKeyManagers(), trust(ca).getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the client certificate " + cert + " with key " + key + ": " + e.getMessage(), e);
        }
    }

    /** Trusts the CA only (a server without mTLS). */
    public static SSLContext trusting(Path ca) {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, trust(ca).getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot trust the CA in " + ca + ": " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trust(Path ca) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int i = 0;
        for (Certificate c : certificates(ca)) trusted.setCertificateEntry("ca-" + i++, c);
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(trusted);
        return f;
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws GeneralSecurityException, IOException {
        return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem)));
    }

    private static PrivateKey privateKey(Path pem) throws GeneralSecurityException {
        String text;
        try {
            text = Files.readString(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next
            }
        }
        throw new GeneralSecurityException("no PKCS#8 EC or RSA key in " + pem);
    }
}
