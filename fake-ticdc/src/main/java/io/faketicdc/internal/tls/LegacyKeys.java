package io.faketicdc.internal.tls;

import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Private keys in the older PEM forms Go's {@code tls.X509KeyPair} also reads: PKCS#1
 * ({@code RSA PRIVATE KEY}) and SEC1 ({@code EC PRIVATE KEY}). Through BouncyCastle, whose classes
 * load only when such a key is read.
 */
final class LegacyKeys {
    private LegacyKeys() { }

    /** The key, or null when the block is not one. */
    static PrivateKey parse(String type, byte[] der) {
        if (!type.equals("RSA PRIVATE KEY") && !type.equals("EC PRIVATE KEY")) return null;
        try (PEMParser parser = new PEMParser(new java.io.StringReader(Pem.encode(type, der)))) {
            Object o = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) return converter.getPrivateKey(pair.getPrivateKeyInfo());
            if (o instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
