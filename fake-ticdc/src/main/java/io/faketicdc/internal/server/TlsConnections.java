package io.faketicdc.internal.server;

import io.faketicdc.internal.tls.ServerTls;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A capture port's connection factories when it serves https: TLS in front of HTTP/1.1 on the same
 * port, as the real server wraps its one listener (pingcap/tiflow pkg/tcpserver/tcp_server.go), so
 * a plain-HTTP client fails the handshake and gets no HTTP answer. A class of its own so that
 * Jetty's TLS classes load only for a fake that serves https.
 */
final class TlsConnections {
    private TlsConnections() { }

    /**
     * TLS, then HTTP with a copy of the shared HTTP configuration: Jetty would otherwise add its
     * secure-request customizer to the shared one (every port's), and its SNI host check answers 400
     * to a Host the certificate does not name, where Go serves any Host.
     */
    static ConnectionFactory[] factories(ServerTls tls, HttpConfiguration shared) {
        HttpConfiguration config = new HttpConfiguration(shared);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        secure.setSniRequired(false);
        config.addCustomizer(secure);
        HttpConnectionFactory http = new GoHttpConnections(config);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls.serverContext());
        // RequireAndVerifyClientCert with mtls or allowed CNs, none asked for otherwise (pingcap/tiflow pkg/security/credential.go)
        ssl.setNeedClientAuth(tls.clientAuth());
        // MinVersion TLS 1.2, as the real server's config
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setEndpointIdentificationAlgorithm(null);
        SslConnectionFactory tlsFactory = new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString());
        tlsFactory.setEnsureSecureRequestCustomizer(false);
        return new ConnectionFactory[] {tlsFactory, http};
    }
}
