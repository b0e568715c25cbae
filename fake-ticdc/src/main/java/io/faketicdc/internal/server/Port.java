package io.faketicdc.internal.server;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One capture's port as the shared server serves it ({@link SharedPorts} for plain http,
 * {@link PortConnector} for https): whose it is, and every connection it accepted, so that closing
 * it ends them all, wherever their exchanges stand.
 *
 * <p>Every endpoint is tracked from its creation; {@link #shut()} marks the port closing, closes
 * every endpoint, releases the listening socket and closes whatever endpoint is open after that,
 * and an endpoint made after the mark closes itself at once (a connection the selector accepted
 * while the port closed has its endpoint made on a pool thread, possibly after everything else).
 * Either side sees the other: the creator adds before it reads the mark, the closer marks before
 * it reads the set.
 */
final class Port {
    /**
     * How long a connection may sit idle: the real server's {@code ReadTimeout} of 10 minutes,
     * which Go's server also takes as its idle timeout when none is set (pingcap/tiflow
     * cdc/server/server.go {@code httpConnectionTimeout}; pingcap/ticdc server/module_http.go).
     */
    static final long IDLE_TIMEOUT_MS = 10 * 60 * 1000L;

    private final HttpHost owner;
    private final Set<EndPoint> endPoints = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private volatile Interleaving interleaving = Interleaving.NONE;
    /** Releases the listening socket, when the port is shut (after every connection was cut). */
    private volatile Runnable release = () -> { };

    Port(HttpHost owner) {
        this.owner = owner;
    }

    /** The host of the port; null once it is shut (a request still arriving gets a 503). */
    HttpHost owner() {
        return closing ? null : owner;
    }

    boolean closing() {
        return closing;
    }

    void release(Runnable r) {
        this.release = r;
    }

    /** Closes the port and every connection of it, wherever its exchange stands. */
    void shut() {
        closing = true;
        // cut every connection first, as a process exit does: a stop that lets exchanges finish
        // would let one in progress (say, one reading a body) answer an error page before it closes
        for (EndPoint ep : endPoints) ep.close();
        release.run();
        for (EndPoint ep : endPoints) ep.close();
    }

    /** The endpoint of a connection this port accepted, tracked; closed at once when the port is closing. */
    SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler,
            long idleTimeout) throws IOException {
        interleaving.creatingEndPoint();
        SocketChannelEndPoint ep = new Tracked(channel, selector, key, scheduler, this);
        ep.setIdleTimeout(idleTimeout);
        endPoints.add(ep);
        if (closing) {
            ep.close();
            throw new ClosedChannelException();
        }
        return ep;
    }

    /** On the selector thread, a connection was just accepted. */
    void accepted() {
        interleaving.accepted();
    }

    /** The idle timeouts of this port's open endpoints (for tests). */
    java.util.List<Long> idleTimeouts() {
        return endPoints.stream().filter(EndPoint::isOpen).map(EndPoint::getIdleTimeout).toList();
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

    /** An endpoint that leaves its port's set when it closes, and knows its port. */
    static final class Tracked extends SocketChannelEndPoint {
        private final Port port;

        Tracked(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler, Port port) {
            super(channel, selector, key, scheduler);
            this.port = port;
        }

        Port port() {
            return port;
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
