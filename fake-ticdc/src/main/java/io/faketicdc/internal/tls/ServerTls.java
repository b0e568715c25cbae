package io.faketicdc.internal.tls;

import io.faketicdc.Tls;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A fake's TLS, made once when the fake is created: the server's certificate and key, the CA
 * clients must chain to, whether client certificates are required, and the {@link SSLContext}s of
 * both sides. Follows pingcap/tiflow pkg/security/credential.go (ToTLSConfigWithVerify: the CA pool
 * for clients, client certificates required with mtls or allowed CNs, the CN check) and
 * cdc/server/server.go (the server's own CN joins a non-empty allow list). Bad input throws an
 * {@link IllegalArgumentException} naming the setting, before any port is bound.
 */
public final class ServerTls {
    private static final char[] NO_PASSWORD = new char[0];
    private final Issued server;
    private final List<X509Certificate> cas;
    private final boolean clientAuth;
    private final Set<String> allowedCns;
    private final Issuer issuer;
    private final SSLContext serverContext;

    private ServerTls(Issued server, List<X509Certificate> cas, Tls tls, Issuer issuer) {
        this.server = server;
        this.cas = List.copyOf(cas);
        this.clientAuth = tls.clientCertificateRequired();
        Set<String> allowed = new LinkedHashSet<>(tls.certAllowedCn());
        if (!allowed.isEmpty()) {
            String own = AllowedCnTrustManager.commonName(server.chain().get(0).getSubjectX500Principal());
            if (!own.isEmpty()) allowed.add(own);
        }
        this.allowedCns = allowed;
        this.issuer = issuer;
        this.serverContext = context(server, trustManager());
    }

    /** The fake's TLS for this setting; {@code hosts} are the names a self-signed server certificate is for. */
    public static ServerTls prepare(Tls tls, List<String> hosts) {
        if (tls.isSelfSigned()) {
            SelfSignedAuthority ca = new SelfSignedAuthority();
            return new ServerTls(ca.server(hosts), List.of(ca.ca()), tls, ca);
        }
        PemFiles.Loaded files = PemFiles.load(tls.cert(), tls.key(), tls.ca());
        return new ServerTls(new Issued(files.chain(), files.key()), files.cas(), tls, null);
    }

    /** The server side, for the port's TLS connection factory. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** Whether the handshake requires a client certificate (mtls or cert-allowed-cn). */
    public boolean clientAuth() {
        return clientAuth;
    }

    /** The common names a client chain needs one of; empty: any that chains to the CA. */
    public Set<String> allowedCns() {
        return allowedCns;
    }

    /** The CA certificates, PEM, one after another. */
    public String caPem() {
        StringBuilder out = new StringBuilder();
        for (X509Certificate c : cas) out.append(Issued.pemOf(c));
        return out.toString();
    }

    /** A key store holding the CA certificates as trusted entries. */
    public KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < cas.size(); i++) ks.setCertificateEntry("ca-" + i, cas.get(i));
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not build the trust store", e);
        }
    }

    /** A client's context: trusts the CA and presents the server's own certificate when asked for one, as TiCDC's peers do. */
    public SSLContext clientContext() {
        return context(server, clientTrust());
    }

    /** A client's context that trusts the CA and presents no certificate. */
    public SSLContext trustOnlyContext() {
        return context(null, clientTrust());
    }

    /** A client certificate with this common name, issued by the fake's own CA (self-signed fakes only). */
    public Issued issueClient(String commonName) {
        if (issuer == null) {
            throw new IllegalStateException("only a self-signed fake (Tls.selfSigned()) issues client certificates;"
                    + " this one serves the user's own certificate");
        }
        if (commonName == null || commonName.isBlank()) throw new IllegalArgumentException("client certificate: an empty common name");
        return issuer.client(commonName);
    }

    /** Whether this fake has a CA of its own to issue client certificates with. */
    public boolean issuesClientCertificates() {
        return issuer != null;
    }

    /** The context of a client presenting this certificate. */
    public SSLContext clientContext(Issued client) {
        return context(client, clientTrust());
    }

    /** The server's own chain and key. */
    public Issued server() {
        return server;
    }

    private TrustManager clientTrust() {
        return pkix();
    }

    private TrustManager trustManager() {
        X509ExtendedTrustManager pkix = pkix();
        return allowedCns.isEmpty() ? pkix : new AllowedCnTrustManager(pkix, allowedCns);
    }

    private X509ExtendedTrustManager pkix() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(trustStore());
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) return x;
            }
            throw new IllegalStateException("no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tls ca: the CA certificates cannot be trusted (" + e.getMessage() + ")", e);
        }
    }

    private static SSLContext context(Issued identity, TrustManager trust) {
        try {
            KeyManager[] keys = null;
            if (identity != null) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("identity", identity.key(), NO_PASSWORD, identity.chain().toArray(X509Certificate[]::new));
                KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                f.init(ks, NO_PASSWORD);
                keys = f.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("tls key: the certificate and key cannot be used (" + e.getMessage() + ")", e);
        }
    }

    /** The names a self-signed server certificate is for: the loopback names and the bound host. */
    public static List<String> hostsFor(String host) {
        List<String> hosts = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!hosts.contains(bare) && !bare.equals("0.0.0.0") && !bare.equals("::")) hosts.add(bare);
        return hosts;
    }
}
