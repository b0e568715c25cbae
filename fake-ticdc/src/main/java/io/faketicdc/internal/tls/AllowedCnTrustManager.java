package io.faketicdc.internal.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * {@code cert-allowed-cn}: a client certificate must chain to the CA (the usual check, first) and
 * one certificate of its verified chain, the CA included, must have an allowed common name; else
 * the handshake fails (pingcap/tiflow pkg/security/credential.go, addVerifyPeerCertificate).
 */
final class AllowedCnTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;
    private final Set<String> allowed;

    AllowedCnTrustManager(X509ExtendedTrustManager pkix, Set<String> allowed) {
        this.pkix = pkix;
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        pkix.checkClientTrusted(chain, authType, engine);
        checkNames(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        pkix.checkClientTrusted(chain, authType, socket);
        checkNames(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkClientTrusted(chain, authType);
        checkNames(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        pkix.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        pkix.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        pkix.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }

    private void checkNames(X509Certificate[] chain) throws CertificateException {
        List<String> seen = new ArrayList<>();
        for (X509Certificate c : verifiedChain(chain)) {
            String cn = commonName(c.getSubjectX500Principal());
            seen.add(cn);
            if (allowed.contains(cn)) return;
        }
        throw new CertificateException("client certificate rejected: common names " + seen + " are not among the allowed " + allowed);
    }

    /** The presented chain as far as each certificate is issued by the next, then the trusted CA that issued the last. */
    private List<X509Certificate> verifiedChain(X509Certificate[] chain) {
        List<X509Certificate> out = new ArrayList<>();
        for (int i = 0; i < chain.length; i++) {
            out.add(chain[i]);
            if (i + 1 < chain.length && !chain[i].getIssuerX500Principal().equals(chain[i + 1].getSubjectX500Principal())) break;
        }
        X509Certificate last = out.get(out.size() - 1);
        for (X509Certificate anchor : pkix.getAcceptedIssuers()) {
            if (!anchor.equals(last) && anchor.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                out.add(anchor);
                break;
            }
        }
        return out;
    }

    /** The subject's common name as Go reads it (the last CN attribute); "" when none. */
    static String commonName(X500Principal subject) {
        String cn = "";
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) cn = String.valueOf(rdn.getValue());
            }
        } catch (InvalidNameException e) {
            return "";
        }
        return cn;
    }
}
