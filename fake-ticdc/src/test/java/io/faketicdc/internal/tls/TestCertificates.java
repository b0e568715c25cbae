package io.faketicdc.internal.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * PEM files as a user brings them ({@code cdc server --cert --key --ca}), made by the fake's own
 * generator: a CA, a server certificate for the loopback names, and client certificates.
 */
public final class TestCertificates {
    private final SelfSignedAuthority ca = new SelfSignedAuthority();

    /** Paths of the three files a server needs. */
    public record ServerFiles(Path cert, Path key, Path ca) { }

    /** Writes ca.pem, server.pem and server-key.pem (PKCS#8) into the directory. */
    public ServerFiles writeServer(Path dir) throws IOException {
        Issued server = ca.server(ServerTls.hostsFor("127.0.0.1"));
        Path caFile = Files.writeString(dir.resolve("ca.pem"), Issued.pemOf(ca.ca()));
        Path cert = Files.writeString(dir.resolve("server.pem"), server.chainPem());
        Path key = Files.writeString(dir.resolve("server-key.pem"), server.keyPem());
        return new ServerFiles(cert, key, caFile);
    }

    /** The same, with the key in the older SEC1 form ({@code EC PRIVATE KEY}, curve named inside, as openssl writes it) that Go also reads. */
    public ServerFiles writeServerWithSec1Key(Path dir) throws IOException {
        ServerFiles files = writeServer(dir);
        java.security.PrivateKey key = PemFiles.load(files.cert(), files.key(), files.ca()).key();
        org.bouncycastle.asn1.pkcs.PrivateKeyInfo info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(),
                info.getPrivateKeyAlgorithm().getParameters());
        Files.writeString(files.key(), Pem.encode("EC PRIVATE KEY", sec1.getEncoded()));
        return files;
    }

    /** A client certificate of this CA with the common name, as chain PEM and key PEM. */
    public List<String> clientPem(String commonName) {
        Issued c = ca.client(commonName);
        return List.of(c.chainPem(), c.keyPem());
    }
}
