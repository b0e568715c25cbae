package io.faketicdc.internal.server;

import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One HTTP server per capture process. A capture that leaves the cluster closes its port (clients
 * get "connection refused"); a restarted one binds the same port again; an added one binds a new
 * port after the last.
 */
public final class CaptureServers implements AutoCloseable {
    private final String host;
    private final int basePort;
    private final List<HttpHost> hosts = new ArrayList<>();
    /** Read without the lock, on every forwarded request. */
    private final List<Integer> ports = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Function<ApiRequest, Reply>> engines = new ArrayList<>();
    private boolean closed;
    /** Slots whose port a thread of its own is closing (guarded by this). */
    private final java.util.Map<Integer, Thread> closing = new java.util.HashMap<>();

    /** Null: plain http. */
    private final io.faketicdc.internal.tls.ServerTls tls;

    private CaptureServers(String host, int basePort, io.faketicdc.internal.tls.ServerTls tls) {
        this.host = host;
        this.basePort = basePort;
        this.tls = tls;
    }

    /**
     * Starts the JVM's shared server on a daemon thread now, so that a later bind finds it ready:
     * the standalone jar overlaps it with parsing its arguments.
     */
    public static void prewarm() {
        SharedServer.starting();
    }

    /** Binds {@code count} ports: all random when {@code basePort} is 0, else base, base+1, ... */
    public static CaptureServers bind(String host, int basePort, int count) {
        return bind(host, basePort, count, null);
    }

    /** The same, every port serving https with {@code tls} (null: plain http). */
    public static CaptureServers bind(String host, int basePort, int count, io.faketicdc.internal.tls.ServerTls tls) {
        QuietLogging.bindSlf4j(); // before the first Jetty class makes its logger
        CaptureServers s = new CaptureServers(host, basePort, tls);
        for (int i = 0; i < count; i++) {
            try {
                s.add(null);
            } catch (BindFailure e) {
                s.close();
                throw e;
            }
        }
        return s;
    }

    /**
     * Binds the port of a new slot after the last (random, or base + slot) serving {@code engine}
     * (null: a bare 503 until one is set); returns the slot.
     */
    public synchronized int add(Function<ApiRequest, Reply> engine) {
        if (closed) throw new IllegalStateException("the fake is closed");
        int slot = hosts.size();
        int port = basePort == 0 ? 0 : basePort + slot;
        HttpHost h = new HttpHost(host, port, slot, tls);
        if (engine != null) h.engine(engine);
        try {
            h.start();
        } catch (RuntimeException e) {
            throw new BindFailure(host + ":" + port, e);
        }
        hosts.add(h);
        engines.add(engine);
        ports.add(h.port());
        return slot;
    }

    /** A port could not be bound; {@link #address()} is the one that failed (host:port). */
    public static final class BindFailure extends RuntimeException {
        private final String address;

        BindFailure(String address, RuntimeException cause) {
            super("could not bind " + address, cause);
            this.address = address;
        }

        public String address() {
            return address;
        }
    }

    public int port(int slot) {
        try {
            return ports.get(slot);
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("no capture slot " + slot + " (the cluster has " + ports.size() + ")");
        }
    }

    public int count() {
        return ports.size();
    }

    public synchronized void engines(List<? extends Function<ApiRequest, Reply>> perSlot) {
        engines.clear();
        engines.addAll(perSlot);
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i) != null) hosts.get(i).engine(engines.get(i));
        }
    }

    /** Whether the slot's port accepts connections. */
    public synchronized boolean open(int slot) {
        return hosts.get(slot) != null;
    }

    /** The process in this slot exits: its port refuses connections from now on. */
    public synchronized void closePort(int slot) {
        HttpHost h = hosts.get(slot);
        if (h != null) {
            h.close();
            hosts.set(slot, null);
        }
    }

    /**
     * The process in this slot exits, from wherever the order comes: on a request thread of the
     * shared server (a scripted step, a fault), the port closes on a thread of its own, since a port
     * must not be stopped by one of its own request threads; a later {@link #reopenPort} of the slot
     * waits for that close, so "stop, then start" in one batch leaves the port open.
     */
    public void closePortSoon(int slot) {
        if (!Thread.currentThread().getName().startsWith("fake-ticdc-")) {
            closePort(slot);
            return;
        }
        synchronized (this) {
            HttpHost h = hosts.get(slot);
            if (h == null) return;
            hosts.set(slot, null);
            Thread t = new Thread(() -> {
                h.close();
                synchronized (this) {
                    closing.remove(slot);
                    notifyAll();
                }
            }, "fake-ticdc-stop-" + ports.get(slot));
            t.setDaemon(true);
            closing.put(slot, t);
            t.start();
        }
    }

    /** The process in this slot starts again on the same port (once a pending close of it is done). */
    public synchronized void reopenPort(int slot) {
        while (closing.containsKey(slot)) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the port of slot " + slot + " closed", e);
            }
        }
        if (hosts.get(slot) != null) return;
        HttpHost h = new HttpHost(host, ports.get(slot), slot, tls).start();
        if (engines.get(slot) != null) h.engine(engines.get(slot));
        hosts.set(slot, h);
    }

    /** Closes and forgets the slots from {@code count} on (the ones added at runtime). */
    public synchronized void truncate(int count) {
        for (int slot = hosts.size() - 1; slot >= count; slot--) {
            closePort(slot);
            hosts.remove(slot);
            ports.remove(slot);
            engines.remove(slot);
        }
    }

    /** Ends every request left hanging by a fault (their connections close). */
    public synchronized void abortHanging() {
        for (HttpHost h : hosts) {
            if (h != null) h.abortHanging();
        }
    }

    /** Stops every port at once: each Jetty stop waits for its own in-flight requests. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Thread> stopping = new ArrayList<>();
        for (int i = 1; i < hosts.size(); i++) {
            HttpHost h = hosts.get(i);
            if (h == null) continue;
            hosts.set(i, null);
            Thread t = new Thread(h::close, "fake-ticdc-stop-" + ports.get(i));
            t.setDaemon(true);
            t.start();
            stopping.add(t);
        }
        if (!hosts.isEmpty()) closePort(0);
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
