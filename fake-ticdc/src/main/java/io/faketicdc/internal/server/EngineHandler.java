package io.faketicdc.internal.server;

import java.nio.channels.ClosedChannelException;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The shared server's one handler, on Jetty's core API: every request of every port goes straight
 * to the {@link HttpHost} of its port, whatever its method. All routing is the engine's (gin's
 * rules) and {@code HttpHost} writes every answer byte for byte, so no servlet layer sits in
 * between: no servlet context, servlet request and response, filter chain or servlet output
 * stream is made per request or per connection.
 *
 * <p>Javalin builds, configures and starts the server. It attaches its servlet context to the
 * server's handler when it starts (javalin 7 {@code JettyServer.start}); as no request would reach
 * that context, it is kept off the server, neither started nor served.
 */
final class EngineHandler extends Handler.Wrapper {

    @Override
    public void setHandler(Handler javalinsServletContext) {
        // kept off: see the class comment
    }

    /**
     * The engine may block (it reads a request body as a stream, waits for the cluster's lock,
     * trickles a slow body), so Jetty runs it on a pool thread, never on the selector's.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpHost host = owner(request.getConnectionMetaData());
        if (host == null) {
            response.setStatus(503);
            callback.succeeded();
            return true;
        }
        try {
            host.handle(request, response, callback);
        } catch (ClosedChannelException gone) {
            // the fake closed the port under an open exchange (a capture stopped, a fake closed):
            // the client is gone and there is nothing to answer
            callback.failed(new Request.Handler.AbortException(gone));
        }
        return true;
    }

    /** The host of the port a request came in on: its connection's (plain) or its connector's (https); null once shut. */
    private static HttpHost owner(ConnectionMetaData meta) {
        if (meta.getConnection().getEndPoint() instanceof Port.Tracked t) return t.port().owner();
        if (meta.getConnector() instanceof PortConnector c) return c.port().owner();
        return null;
    }
}
