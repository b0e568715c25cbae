package io.faketicdc.internal.server;

import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.session.AbstractSessionManager.RequestedSession;
import org.eclipse.jetty.util.Callback;

/**
 * The servlet context's session handler, passing every request straight on. Javalin installs
 * Jetty's, which on every request wraps the response stream, looks for a session cookie and
 * resolves it (jetty-ee10-servlet 12.1 {@code SessionHandler.handle}); a TiCDC server has no
 * sessions, and the fake never asks for one.
 */
final class NoSessions extends SessionHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) return false;
        ServletContextRequest servletRequest = Request.as(request, ServletContextRequest.class);
        if (servletRequest != null) servletRequest.setRequestedSession(RequestedSession.NO_REQUESTED_SESSION);
        return next.handle(request, response, callback);
    }
}
