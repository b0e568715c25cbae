package io.faketicdc.internal.server;

import java.io.IOException;
import java.net.Socket;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One capture's port: a Jetty connector that, when it closes, ends every connection it ever
 * accepted, also the ones Jetty's own stop misses.
 *
 * <p>Why Jetty's stop is not enough (jetty-io 12.1 {@code ManagedSelector}): with no acceptor
 * threads the selector thread accepts, and queues each accepted channel as an update. Stopping
 * queues "close connections" and, once that ran, "stop selector". A channel accepted while the
 * first was already queued is registered after it (so it is not closed) and gets its endpoint on a
 * pool thread; when that happens after "stop selector", the endpoint belongs to a selector that no
 * longer runs: it never reads, and the client (say, one uploading a body) waits until the idle
 * timeout. Clients that connect while a fake closes hit this window often.
 *
 * <p>So every endpoint is tracked from its creation; {@link #shut()} marks the port closing, closes
 * every endpoint, stops Jetty's connector and closes whatever endpoint is open after that, and an
 * endpoint created after the mark closes itself at once. Either side sees the other: the creator adds before it reads the
 * mark, the closer marks before it reads the set.
 */
final class PortConnector extends ServerConnector {
    private final Set<EndPoint> endPoints = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private volatile Interleaving interleaving = Interleaving.NONE;

    PortConnector(Server server, ConnectionFactory... factories) {
        super(server, 0, 1, factories);
        // a burst of connects waits in the kernel, not refused or retried after a second (the JDK's
        // default backlog is 50; Linux caps this at net.core.somaxconn)
        setAcceptQueueSize(ACCEPT_QUEUE);
    }

    static final int ACCEPT_QUEUE = 4096;

    /** Closes the port and every connection of it, wherever its exchange stands. */
    void shut() {
        closing = true;
        // cut every connection first, as a process exit does: Jetty's own stop would let an exchange
        // in progress (say, one reading a body) answer an error page before the connection closes
        for (EndPoint ep : endPoints) ep.close();
        try {
            stop();
        } catch (Exception e) {
            // the port is being given up either way; what follows still closes every connection
        }
        for (EndPoint ep : endPoints) ep.close();
    }

    @Override
    protected void configure(Socket socket) {
        interleaving.accepted();
        super.configure(socket);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key)
            throws IOException {
        interleaving.creatingEndPoint();
        SocketChannelEndPoint ep = new Tracked(channel, selector, key, this);
        ep.setIdleTimeout(getIdleTimeout());
        endPoints.add(ep);
        if (closing) {
            ep.close();
            throw new ClosedChannelException();
        }
        return ep;
    }

    /** Endpoints of this port still open (for tests). */
    long openEndPoints() {
        return endPoints.stream().filter(EndPoint::isOpen).count();
    }

    /** Test seam: lets a test hold the two steps between an accept and a usable endpoint. */
    void interleaving(Interleaving i) {
        this.interleaving = i;
    }

    interface Interleaving {
        Interleaving NONE = new Interleaving() { };

        /** On the selector thread, a connection was just accepted. */
        default void accepted() { }

        /** On a pool thread, the accepted connection's endpoint is about to be made. */
        default void creatingEndPoint() { }
    }

    private static final class Tracked extends SocketChannelEndPoint {
        private final PortConnector port;

        Tracked(SocketChannel channel, ManagedSelector selector, SelectionKey key, PortConnector port) {
            super(channel, selector, key, port.getScheduler());
            this.port = port;
        }

        @Override
        public void onClose(Throwable cause) {
            try {
                super.onClose(cause);
            } finally {
                port.endPoints.remove(this);
            }
        }
    }
}
