package io.faketicdc.internal.server;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.eclipse.jetty.ee10.servlet.ServletApiRequest;
import org.eclipse.jetty.server.ConnectionMetaData;

/**
 * The shared server's servlet: every request of every port goes straight to the {@link HttpHost}
 * of its port, whatever its method. Javalin builds, configures and runs the server; its own
 * per-request context, router and task chain stay out of the way, since all routing is the
 * engine's (gin's rules) and every answer is written byte for byte by {@code HttpHost}.
 */
final class EngineServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        ServletRequest raw = req;
        while (raw instanceof ServletRequestWrapper w) raw = w.getRequest();
        HttpHost host = owner(((ServletApiRequest) raw).getRequest().getConnectionMetaData());
        if (host == null) {
            res.setStatus(503);
            return;
        }
        try {
            host.handle(req, res);
        } catch (ClosedChannelException gone) {
            // the fake closed the port under an open exchange (a capture stopped, a fake closed):
            // the client is gone and there is nothing to answer
        }
    }

    /** The host of the port a request came in on: its connection's (plain) or its connector's (https); null once shut. */
    private static HttpHost owner(ConnectionMetaData meta) {
        if (meta.getConnection().getEndPoint() instanceof Port.Tracked t) return t.port().owner();
        if (meta.getConnector() instanceof PortConnector c) return c.port().owner();
        return null;
    }
}
