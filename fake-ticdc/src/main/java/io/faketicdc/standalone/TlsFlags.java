package io.faketicdc.standalone;

import io.faketicdc.ClientCertificate;
import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.FakeTls;
import io.faketicdc.Tls;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS flags: {@code --cert --key --ca} (all three, as cdc server), {@code --tls self-signed},
 * {@code --mtls}, {@code --cert-allowed-cn}; and where a self-signed fake's CA (and client
 * certificate) are written for the user's client.
 */
final class TlsFlags {
    static final String CLIENT_CN = "fake-ticdc-client";

    private TlsFlags() { }

    static void configure(Main m, FakeConfig.Builder b) {
        List<String> cns = new ArrayList<>();
        // cdc server splits its one value on ','; repeating the flag adds more
        for (String v : m.certAllowedCn) {
            for (String cn : v.split(",", -1)) {
                if (cn.isBlank()) throw new IllegalArgumentException("--cert-allowed-cn: an empty common name in '" + v + "'");
                cns.add(cn.trim());
            }
        }
        boolean files = m.cert != null || m.key != null || m.ca != null;
        if (m.tls != null && !m.tls.equals("self-signed")) {
            throw new IllegalArgumentException("--tls must be self-signed, got '" + m.tls + "' (for your own certificate: --cert, --key and --ca)");
        }
        if (m.tls != null && files) throw new IllegalArgumentException("--tls self-signed and --cert/--key/--ca exclude each other");
        if (files) {
            String missing = m.cert == null ? "--cert" : m.key == null ? "--key" : m.ca == null ? "--ca" : null;
            if (missing != null) throw new IllegalArgumentException(missing + " is missing: --cert, --key and --ca go together (as cdc server)");
        }
        Tls tls = m.tls != null ? Tls.selfSigned() : files ? Tls.fromPem(m.cert, m.key, m.ca) : null;
        if (tls == null) {
            if (m.mtls) throw new IllegalArgumentException("--mtls needs --tls self-signed or --cert, --key and --ca");
            if (!cns.isEmpty()) throw new IllegalArgumentException("--cert-allowed-cn needs --tls self-signed or --cert, --key and --ca");
            return;
        }
        b.tls(tls.withMtls(m.mtls).withCertAllowedCn(cns));
    }

    /** "tls key: no such file x" (the engine's words for a setting) as "--key: no such file x". */
    static String flagged(String message) {
        for (String setting : List.of("cert-allowed-cn", "cert", "key", "ca")) {
            String prefix = "tls " + setting + ": ";
            if (message.startsWith(prefix)) return "--" + setting + ": " + message.substring(prefix.length());
        }
        return message;
    }

    /** What the banner says about TLS; a self-signed fake's CA (and client certificate) go to a temporary directory. */
    static void banner(PrintStream out, FakeTiCdc fake) {
        Tls tls = fake.config().tls();
        String auth = tls.certAllowedCn().isEmpty() ? tls.mtls() ? ", client certificates required" : ""
                : ", client certificates of CN " + String.join(",", tls.certAllowedCn()) + " required";
        if (!tls.isSelfSigned()) {
            out.println("  https with " + tls.cert() + auth);
            out.flush();
            return;
        }
        try {
            FakeTls t = fake.tls();
            Path dir = Files.createTempDirectory("fake-ticdc-tls-");
            dir.toFile().deleteOnExit();
            Path ca = write(dir.resolve("ca.pem"), t.caPem());
            out.println("  https, self-signed" + auth + "; CA: " + ca);
            if (tls.clientCertificateRequired()) {
                String cn = tls.certAllowedCn().isEmpty() ? CLIENT_CN : tls.certAllowedCn().get(0);
                ClientCertificate c = t.clientCertificate(cn);
                Path cert = write(dir.resolve("client.pem"), c.certificatePem());
                Path key = write(dir.resolve("client-key.pem"), c.privateKeyPem());
                out.println("  client certificate (CN " + cn + "): " + cert + " key: " + key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the self-signed CA", e);
        }
        out.flush();
    }

    private static Path write(Path file, String pem) throws IOException {
        Files.writeString(file, pem);
        file.toFile().deleteOnExit();
        return file;
    }
}
