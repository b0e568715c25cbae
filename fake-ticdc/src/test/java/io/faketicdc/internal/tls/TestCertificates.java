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

    /** A client certificate of this CA with the common name, as chain PEM and key PEM. */
    public List<String> clientPem(String commonName) {
        Issued c = ca.client(commonName);
        return List.of(c.chainPem(), c.keyPem());
    }
}
