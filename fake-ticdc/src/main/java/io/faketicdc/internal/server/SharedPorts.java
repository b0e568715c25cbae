package io.faketicdc.internal.server;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;

/**
 * The shared server's one connector for every plain-http capture port of the JVM: one selector
 * accepts on all of them and serves their connections. A fake's port is a listening socket
 * registered with it ({@link #open}) and taken off again ({@link Port#shut}), so a fake's start
 * and stop cost no selector, no selector thread and no connector life cycle (Jetty's
 * {@code ServerConnector} has one of each per port: jetty-server 12.1), and an idle fake holds
 * no thread. Ports serving https keep a connector of their own ({@link PortConnector}).
 */
final class SharedPorts extends AbstractConnector {
    private final Manager manager;

    SharedPorts(Server server, HttpConfiguration http) {
        super(server, null, null, null, 0, new GoHttpConnections(http));
        this.manager = new Manager();
        setIdleTimeout(Port.IDLE_TIMEOUT_MS);
        installBean(manager, true);
    }

    /**
     * Serves {@code channel} (bound and listening) for {@code owner}: its connections are accepted
     * from now on, also those already waiting in its accept queue.
     */
    Port open(ServerSocketChannel channel, HttpHost owner) throws IOException {
        channel.configureBlocking(false);
        Port port = new Port(owner);
        Acceptor acceptor = new Acceptor(channel, port);
        port.release(acceptor::release);
        selector().submit(acceptor);
        return port;
    }

    private ManagedSelector selector() {
        return manager.getBean(ManagedSelector.class);
    }

    @Override
    protected void accept(int acceptorID) {
        throw new UnsupportedOperationException("the selector accepts: there are no acceptor threads");
    }

    @Override
    public Object getTransport() {
        return null;
    }

    /** One port's listening socket on the selector. */
    private final class Acceptor implements ManagedSelector.SelectorUpdate, ManagedSelector.Selectable {
        private final ServerSocketChannel channel;
        private final Port port;
        /** Set and read on the selector thread. */
        private SelectionKey key;

        Acceptor(ServerSocketChannel channel, Port port) {
            this.channel = channel;
            this.port = port;
        }

        @Override
        public void update(Selector selector) {
            if (port.closing()) return;
            try {
                key = channel.register(selector, SelectionKey.OP_ACCEPT, this);
            } catch (IOException e) {
                Listening.close(channel); // its clients are refused, as when a port cannot be served
            }
        }

        @Override
        public Runnable onSelected() {
            try {
                for (SocketChannel accepted; (accepted = channel.accept()) != null; ) {
                    port.accepted();
                    if (port.closing()) {
                        accepted.close();
                        continue;
                    }
                    accepted.configureBlocking(false);
                    accepted.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                    manager.accept(accepted, port);
                }
            } catch (IOException e) {
                // the kernel gave up on one connection (reset before it was taken): the rest wait for the next round
            }
            return null;
        }

        @Override
        public void updateKey() {
        }

        @Override
        public void replaceKey(SelectionKey newKey) {
            key = newKey;
        }

        /**
         * Takes the socket off the selector and closes it, and returns once it is closed: the port
         * is free for a new bind then (a capture that restarts on its port binds it again). A
         * channel registered with a selector only really closes once the selector dropped its key,
         * which it does in the select after the cancel: so the close is a second step, queued by the first.
         */
        void release() {
            CountDownLatch released = new CountDownLatch(1);
            ManagedSelector selector = selector();
            selector.submit(s -> {
                if (key != null) key.cancel();
                selector.submit(dropped -> {
                    Listening.close(channel);
                    released.countDown();
                });
            });
            try {
                if (released.await(10, TimeUnit.SECONDS)) return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Listening.close(channel); // the selector is stuck: close it from here (released when the selector drops it)
        }
    }

    private final class Manager extends SelectorManager {
        Manager() {
            super(SharedPorts.this.getExecutor(), SharedPorts.this.getScheduler(), 1);
        }

        @Override
        protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector, SelectionKey key) throws IOException {
            Port port = (Port) key.attachment();
            return port.newEndPoint((SocketChannel) channel, selector, key, getScheduler(), getIdleTimeout());
        }

        @Override
        public Connection newConnection(SelectableChannel channel, EndPoint endpoint, Object attachment) throws IOException {
            return getDefaultConnectionFactory().newConnection(SharedPorts.this, endpoint);
        }

        @Override
        protected void endPointOpened(EndPoint endpoint) {
            super.endPointOpened(endpoint);
            onEndPointOpened(endpoint);
        }

        @Override
        protected void endPointClosed(EndPoint endpoint) {
            onEndPointClosed(endpoint);
            super.endPointClosed(endpoint);
        }
    }
}
