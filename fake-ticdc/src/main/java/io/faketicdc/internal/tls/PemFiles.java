package io.faketicdc.internal.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's own PEM files, read as the real server reads them (pingcap/tiflow
 * pkg/security/credential.go: the CA pool, then Go's {@code tls.LoadX509KeyPair} for the cert and
 * key). Every error names the setting ({@code tls cert}, {@code tls key}, {@code tls ca}) and the file.
 */
final class PemFiles {
    private PemFiles() { }

    /** The server's chain and key, checked to belong together, and the CA certificates. */
    record Loaded(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> cas) { }

    static Loaded load(Path certFile, Path keyFile, Path caFile) {
        List<X509Certificate> cas = certificates("ca", caFile);
        List<X509Certificate> chain = certificates("cert", certFile);
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain.get(0))) {
            throw new IllegalArgumentException("tls key: " + keyFile + " is not the private key of the certificate in " + certFile);
        }
        return new Loaded(chain, key, cas);
    }

    static String read(String setting, Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("tls " + setting + ": no such file " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("tls " + setting + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    private static List<X509Certificate> certificates(String setting, Path file) {
        String text = read(setting, file);
        List<X509Certificate> out = new ArrayList<>();
        for (Pem.Block b : Pem.blocks(text)) {
            if (!b.type().equals("CERTIFICATE")) continue;
            try {
                out.add(parse(b.der()));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("tls " + setting + ": " + file + " holds a certificate that cannot be parsed");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("tls " + setting + ": " + file + " holds no PEM certificate");
        return out;
    }

    static X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static PrivateKey privateKey(Path file) {
        String text = read("key", file);
        for (Pem.Block b : Pem.blocks(text)) {
            if (!b.type().endsWith("PRIVATE KEY")) continue;
            if (b.headers() || b.type().startsWith("ENCRYPTED")) {
                throw new IllegalArgumentException("tls key: " + file + " holds an encrypted key (TiCDC reads only unencrypted keys)");
            }
            PrivateKey key = b.type().equals("PRIVATE KEY") ? pkcs8(b.der()) : LegacyKeys.parse(b.type(), b.der());
            if (key == null) throw new IllegalArgumentException("tls key: " + file + " holds a private key that cannot be parsed");
            return key;
        }
        throw new IllegalArgumentException("tls key: " + file + " holds no PEM private key");
    }

    private static PrivateKey pkcs8(byte[] der) {
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        return null;
    }

    /** Whether the key signs what the certificate's public key verifies. */
    static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = "fake-ticdc".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] signed = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            return v.verify(signed);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
