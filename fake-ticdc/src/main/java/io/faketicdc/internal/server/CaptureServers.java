package io.faketicdc.internal.server;

import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One HTTP server per capture process. A capture that leaves the cluster closes its port (clients
 * get "connection refused"); a restarted one binds the same port again.
 */
public final class CaptureServers implements AutoCloseable {
    private final String host;
    private final HttpHost[] hosts;
    private final int[] ports;
    private final List<Function<ApiRequest, Reply>> engines = new ArrayList<>();

    private CaptureServers(String host, int count) {
        this.host = host;
        this.hosts = new HttpHost[count];
        this.ports = new int[count];
    }

    /** Binds {@code count} ports: all random when {@code basePort} is 0, else base, base+1, ... */
    public static CaptureServers bind(String host, int basePort, int count) {
        CaptureServers s = new CaptureServers(host, count);
        for (int i = 0; i < count; i++) {
            int port = basePort == 0 ? 0 : basePort + i;
            try {
                HttpHost h = new HttpHost(host, port, i).start();
                s.hosts[i] = h;
                s.ports[i] = h.port();
            } catch (RuntimeException e) {
                s.close();
                throw new BindFailure(host + ":" + port, e);
            }
        }
        return s;
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
        return ports[slot];
    }

    public int count() {
        return hosts.length;
    }

    public synchronized void engines(List<? extends Function<ApiRequest, Reply>> perSlot) {
        engines.clear();
        engines.addAll(perSlot);
        for (int i = 0; i < hosts.length; i++) {
            if (hosts[i] != null) hosts[i].engine(engines.get(i));
        }
    }

    /** Whether the slot's port accepts connections. */
    public synchronized boolean open(int slot) {
        return hosts[slot] != null;
    }

    /** The process in this slot exits: its port refuses connections from now on. */
    public synchronized void closePort(int slot) {
        if (hosts[slot] != null) {
            hosts[slot].close();
            hosts[slot] = null;
        }
    }

    /** The process in this slot starts again on the same port. */
    public synchronized void reopenPort(int slot) {
        if (hosts[slot] != null) return;
        HttpHost h = new HttpHost(host, ports[slot], slot).start();
        if (slot < engines.size()) h.engine(engines.get(slot));
        hosts[slot] = h;
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
        List<Thread> stopping = new ArrayList<>();
        for (int i = 1; i < hosts.length; i++) {
            HttpHost h = hosts[i];
            if (h == null) continue;
            hosts[i] = null;
            Thread t = new Thread(h::close, "fake-ticdc-stop-" + ports[i]);
            t.setDaemon(true);
            t.start();
            stopping.add(t);
        }
        closePort(0);
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
