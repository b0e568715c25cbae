package io.faketicdc.internal.server;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, with an {@code Upgrade} header read as a header like any other, as
 * Go's net/http reads it: TiCDC's server upgrades nothing and serves such a request as it comes
 * (go src/net/http/server.go). Jetty would take the header for an h2c upgrade and answer a request
 * whose {@code Connection} header does not list it with its own 400 (jetty-server 12.1
 * {@code HttpConnection}, "Invalid h2c upgrade headers"). The header still reaches the engine and
 * the journal.
 */
final class GoHttpConnections extends HttpConnectionFactory {

    GoHttpConnections(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint) {
            @Override
            protected RequestHandler newRequestHandler() {
                return new RequestHandler() {
                    @Override
                    public void parsedHeader(HttpField field) {
                        super.parsedHeader(field.getHeader() == HttpHeader.UPGRADE
                                ? new HttpField((HttpHeader) null, field.getName(), field.getValue()) : field);
                    }
                };
            }
        };
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }
}
