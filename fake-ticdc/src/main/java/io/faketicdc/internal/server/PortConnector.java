package io.faketicdc.internal.server;

import java.io.IOException;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A capture port serving https: a Jetty connector of its own, since its connections start with
 * TLS and then need an HTTP configuration of their own ({@link TlsConnections}); plain ports share
 * one connector ({@link SharedPorts}). Its {@link Port} tracks every connection it accepted.
 *
 * <p>Why Jetty's stop is not enough to end them (jetty-io 12.1 {@code ManagedSelector}): with no
 * acceptor threads the selector thread accepts, and queues each accepted channel as an update.
 * Stopping queues "close connections" and, once that ran, "stop selector". A channel accepted
 * while the first was already queued is registered after it (so it is not closed) and gets its
 * endpoint on a pool thread; when that happens after "stop selector", the endpoint belongs to a
 * selector that no longer runs: it never reads, and the client waits until the idle timeout. So
 * the port's endpoints are tracked ({@link Port#shut}) and the stop is only its release step.
 */
final class PortConnector extends ServerConnector {
    private final Port port;

    PortConnector(Server server, HttpHost owner, ConnectionFactory... factories) {
        super(server, 0, 1, factories);
        this.port = new Port(owner);
        setIdleTimeout(Port.IDLE_TIMEOUT_MS);
        // a burst of connects waits in the kernel (the channel is bound with this backlog, see Listening)
        setAcceptQueueSize(Listening.ACCEPT_QUEUE);
    }

    Port port() {
        return port;
    }

    @Override
    protected void configure(Socket socket) {
        port.accepted();
        super.configure(socket);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key)
            throws IOException {
        return port.newEndPoint(channel, selector, key, getScheduler(), getIdleTimeout());
    }
}
