package io.faketicdc.junit.internal;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Starts fakes whose ports can be bound again later, by a restart on the same base port. */
final class Ports {
    private static final int ATTEMPTS = 10;

    private Ports() { }

    /**
     * Starts the fake on ports {@code p, p+1, ...}: a restart with {@code port(p)} then binds every
     * capture's port again. One capture, or an explicit port, needs nothing special: the server
     * binds it itself. Otherwise a free {@code p} is probed and tried, a few times if taken.
     */
    static FakeTiCdc startOnConsecutivePorts(FakeConfig config) {
        if (config.port() != 0 || config.captures() == 1) return FakeTiCdc.create(config).start();
        IllegalStateException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = freePort(config.host());
            if (base + config.captures() - 1 > 65535) continue;
            try {
                return FakeTiCdc.create(config.toBuilder().port(base).build()).start();
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw new IllegalStateException("found no " + config.captures() + " consecutive free ports on "
                + config.host() + " in " + ATTEMPTS + " attempts", last);
    }

    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe a free port on " + host, e);
        }
    }
}
