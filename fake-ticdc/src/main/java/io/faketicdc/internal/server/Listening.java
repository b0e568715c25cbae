package io.faketicdc.internal.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * A capture's listening socket, bound before the shared server takes it: the port exists (and a
 * client's connect succeeds, waiting in the accept queue) from the moment a fake's start returns,
 * also while the JVM's first fake still starts the shared server on a thread of its own. Bound as
 * Jetty binds its own (jetty-server 12.1 {@code ServerConnector.openAcceptChannel}), so a failure
 * reads the same.
 */
final class Listening {
    private Listening() { }

    /**
     * The accept queue (backlog) of a port: a burst of connects waits in the kernel, not refused or
     * retried after a second (the JDK's default backlog is 50; Linux caps this at net.core.somaxconn).
     */
    static final int ACCEPT_QUEUE = 4096;

    static ServerSocketChannel bind(String host, int port) {
        InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address, ACCEPT_QUEUE);
            return channel;
        } catch (IOException e) {
            close(channel);
            throw new IllegalStateException("Failed to bind to " + address, e);
        }
    }

    /** The port a listening channel is bound to (without making the channel's socket adaptor). */
    static int port(ServerSocketChannel channel) {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("Failed to read the bound port", e);
        }
    }

    static void close(ServerSocketChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // closing a listening socket fails only when it is closed already
        }
    }
}
