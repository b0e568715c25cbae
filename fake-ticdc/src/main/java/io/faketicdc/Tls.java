package io.faketicdc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the captures serve https, as the real server's {@code [security]} section
 * ({@code cdc server --cert --key --ca}, {@code cert-allowed-cn}, {@code mtls}): with the user's
 * own PEM files ({@link #fromPem}) or with a certificate the fake makes for the test
 * ({@link #selfSigned()}: a CA of its own and a server certificate for 127.0.0.1, ::1 and
 * localhost). Set it with {@link FakeConfig.Builder#tls(Tls)}; read what a client needs to trust the
 * fake (its CA, an {@code SSLContext}) from {@link FakeTiCdc#tls()}.
 *
 * @param cert          the server's certificate (chain), PEM; null for a self-signed fake
 * @param key           the server certificate's private key, PEM (PKCS#8, PKCS#1 or SEC1); null for a self-signed fake
 * @param ca            the CA certificates clients' certificates must chain to, PEM; null for a self-signed fake
 * @param mtls          whether every client must present a certificate signed by the CA ({@code security.mtls})
 * @param certAllowedCn when not empty, client certificates are required and one certificate of the
 *                      client's verified chain must have one of these common names
 *                      ({@code --cert-allowed-cn}); the server's own certificate's CN is allowed too
 */
public record Tls(Path cert, Path key, Path ca, boolean mtls, List<String> certAllowedCn) {

    public Tls {
        int given = (cert == null ? 0 : 1) + (key == null ? 0 : 1) + (ca == null ? 0 : 1);
        if (given != 0 && given != 3) {
            // TiCDC serves TLS only when all three are set (pingcap/tiflow pkg/security/credential.go)
            throw new IllegalArgumentException("tls: cert, key and ca go together (as cdc server --cert --key --ca); "
                    + "missing: " + (cert == null ? "cert" : key == null ? "key" : "ca"));
        }
        List<String> cns = new ArrayList<>();
        for (String cn : certAllowedCn == null ? List.<String>of() : certAllowedCn) {
            // the real server trims each name of its comma-separated list
            String trimmed = cn == null ? "" : cn.trim();
            if (trimmed.isEmpty()) throw new IllegalArgumentException("tls cert-allowed-cn: an empty common name");
            cns.add(trimmed);
        }
        certAllowedCn = List.copyOf(cns);
    }

    /** A certificate the fake generates for the test, from a CA of its own. */
    public static Tls selfSigned() {
        return new Tls(null, null, null, false, List.of());
    }

    /** The user's own PEM files, as {@code cdc server --cert cert --key key --ca ca}; read when the fake is created. */
    public static Tls fromPem(Path cert, Path key, Path ca) {
        if (cert == null && key == null && ca == null) {
            throw new IllegalArgumentException("tls: cert, key and ca go together (as cdc server --cert --key --ca); missing: cert");
        }
        return new Tls(cert, key, ca, false, List.of());
    }

    /** Whether the fake makes its own certificates. */
    public boolean isSelfSigned() {
        return cert == null;
    }

    /** Whether the server asks clients for a certificate (mtls, or allowed CNs). */
    public boolean clientCertificateRequired() {
        return mtls || !certAllowedCn.isEmpty();
    }

    /** The same, with {@code mtls} set. */
    public Tls withMtls(boolean on) {
        return new Tls(cert, key, ca, on, certAllowedCn);
    }

    /** The same, with these allowed client common names. */
    public Tls withCertAllowedCn(List<String> names) {
        return new Tls(cert, key, ca, mtls, names);
    }
}
