package io.faketicdc.internal.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA made for one fake, and the certificates it issues: the server's (for the loopback names and
 * the bound host) and clients' (any common name). EC P-256 keys from the JDK; BouncyCastle only
 * builds and signs the certificates (no provider is registered). Its classes load only when a fake
 * asks for self-signed TLS.
 */
final class SelfSignedAuthority implements Issuer {
    static final String CA_NAME = "fake-ticdc CA";
    static final String SERVER_NAME = "fake-ticdc";
    private static final Duration VALIDITY = Duration.ofDays(365);

    private final SecureRandom random = new SecureRandom();
    private final KeyPair caKeys;
    private final X509Certificate ca;

    SelfSignedAuthority() {
        this.caKeys = keyPair();
        X500Name name = name(CA_NAME);
        try {
            JcaX509v3CertificateBuilder b = builder(name, name, caKeys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            this.ca = sign(b);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not make the self-signed CA", e);
        }
    }

    X509Certificate ca() {
        return ca;
    }

    /** A server certificate for these names (DNS names or IP literals); usable as a client certificate too. */
    Issued server(List<String> hosts) {
        List<GeneralName> names = new ArrayList<>();
        for (String h : hosts) {
            boolean ip = h.contains(":") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
            names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, h));
        }
        return issue(SERVER_NAME, names, new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
    }

    @Override
    public Issued client(String commonName) {
        return issue(commonName, List.of(), new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth});
    }

    private Issued issue(String commonName, List<GeneralName> names, KeyPurposeId[] purposes) {
        KeyPair keys = keyPair();
        try {
            JcaX509v3CertificateBuilder b = builder(name(CA_NAME), name(commonName), keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
            if (!names.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            synchronized (this) {
                return new Issued(List.of(sign(b), ca), keys.getPrivate());
            }
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not issue a certificate for " + commonName, e);
        }
    }

    private JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) throws java.io.IOException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        try {
            b.addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return b;
    }

    private X509Certificate sign(X509v3CertificateBuilder b) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a certificate", e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 keys in this JVM", e);
        }
    }
}
