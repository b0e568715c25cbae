package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Starting and stopping fakes leaves nothing behind. Cycles: {@code
 * -Dhygiene.cycles=N} (default 200, a few seconds; the full-size run is 1000).
 *
 * <ul>
 *   <li>after N start/serve/close cycles no thread is left (names compared with before, after a
 *       settle time), every closed port refuses connections, and the process has no more open
 *       file descriptors than before (Linux, {@code /proc/self/fd});
 *   <li>closing a fake while many requests are in flight returns within 2 s, stops its threads, and
 *       leaves no client waiting (a connection accepted while the port closes, which Jetty's stop
 *       misses, is forced deterministically in
 *       {@code internal.server.PortTest}; each kind of open exchange in
 *       {@link ClosingEndsEveryConnectionTest});
 *   <li>a fake that cannot bind says which address and why, in one line, and holds nothing.
 * </ul>
 */
class LifecycleHygieneTest {
    private static final int CYCLES = Integer.getInteger("hygiene.cycles", 200);
    /** Concurrent clients when a fake is closed under load (a quarter of them upload 2 MB bodies). */
    private static final int CLIENTS = 16;

    @Test
    void startStopCyclesLeaveNoThreadPortOrDescriptor() throws Exception {
        // warm up: class loading, JIT, Jetty's and the JDK's lazily started shared threads
        for (int i = 0; i < 3; i++) cycle(i % 2 == 0 ? 1 : 3);
        settle(Set.of());
        Set<String> before = threadNames();
        int fdsBefore = openFds();

        List<Integer> closedPorts = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < CYCLES; i++) closedPorts.addAll(cycle(i % 10 == 9 ? 3 : 1));
        long perCycleMicros = (System.nanoTime() - started) / 1000 / CYCLES;

        Set<String> left = settle(before);
        int fdsAfter = openFds();
        System.out.printf("hygiene: %d cycles, %d us per cycle (start, one request, close); fds %d -> %d; threads"
                + " left %s%n", CYCLES, perCycleMicros, fdsBefore, fdsAfter, left);
        assertThat(left).as("threads left behind by %d start/stop cycles", CYCLES).isEmpty();
        for (int port : closedPorts.subList(Math.max(0, closedPorts.size() - 50), closedPorts.size())) {
            assertThat(refuses(port)).as("closed port %d refuses connections", port).isTrue();
        }
        if (fdsBefore >= 0) assertThat(fdsAfter).as("open file descriptors").isLessThanOrEqualTo(fdsBefore + 8);
    }

    /**
     * Threads an idle fake adds to the JVM: twenty idle one-capture fakes, counted against the
     * threads alive before (the shared server's pool is warm from earlier tests or the first fake).
     * Each capture's port costs its selector, one pooled thread.
     */
    @Test
    void anIdleFakeCostsAtMostThreeThreads() throws Exception {
        FakeTiCdc.create().start().close(); // the shared server exists
        Thread.sleep(200);
        int before = Thread.activeCount();
        List<FakeTiCdc> fakes = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                FakeTiCdc fake = FakeTiCdc.create().start();
                Http.send(fake.port(), "GET", "/api/v2/status", null);
                fakes.add(fake);
            }
            Thread.sleep(300);
            double perFake = (Thread.activeCount() - before) / 20.0;
            System.out.printf("hygiene: an idle fake adds %.2f threads%n", perFake);
            assertThat(perFake).as("threads per idle fake").isLessThanOrEqualTo(3.0);
        } finally {
            fakes.forEach(FakeTiCdc::close);
        }
    }

    @Test
    void closingWithRequestsInFlightIsPrompt() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Set<String> before = threadNames();
            FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.captures(3)).start();
            int[] ports = {fake.port(0), fake.port(1), fake.port(2)};
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger answered = new AtomicInteger();
            byte[] big = ("{\"changefeed_id\":\"" + "a".repeat(2 << 20) + "\",\"sink_uri\":\"blackhole://\"}").getBytes();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int n = i;
                Thread t = new Thread(() -> {
                    for (int k = 0; !stop.get(); k++) {
                        try {
                            int port = ports[(n + k) % 3];
                            if (n % 4 == 0) Http.sendBytes(port, "POST", "/api/v2/changefeeds", big);
                            else if (n % 4 == 1) Http.send(port, "POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"c" + n + "-" + k
                                    + "\",\"sink_uri\":\"blackhole://\"}");
                            else Http.send(port, "GET", "/api/v2/changefeeds?state=all", null);
                            answered.incrementAndGet();
                        } catch (RuntimeException e) {
                            // refused or reset once the fake is closing: expected
                        }
                    }
                }, "hygiene-client-" + i);
                t.start();
                clients.add(t);
            }
            while (answered.get() < 200) Thread.sleep(5);
            long t0 = System.nanoTime();
            fake.close();
            long closeMs = (System.nanoTime() - t0) / 1_000_000;
            stop.set(true);
            for (Thread t : clients) t.join(10_000);
            System.out.printf("hygiene: close() with %d clients in flight (%d answered) took %d ms%n", CLIENTS, answered.get(), closeMs);
            assertThat(closeMs).as("close() with requests in flight").isLessThan(2000);
            assertThat(clients).as("clients of a closed fake are not left hanging").allMatch(t -> !t.isAlive());
            for (int port : ports) assertThat(refuses(port)).isTrue();
            assertThat(settle(before)).isEmpty();
        });
    }

    @Test
    void aFakeThatCannotBindSaysWhyInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            Set<String> before = threadNames();
            assertThatThrownBy(() -> FakeTiCdc.create(cfg -> cfg.port(port)).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("could not bind 127.0.0.1:" + port + ": Address already in use");
            assertThat(settle(before)).as("a failed start holds no thread").isEmpty();
        }
    }

    /** With several captures, the message names the port that was taken, and the others are released. */
    @Test
    void aClusterThatCannotBindNamesTheTakenPort() throws Exception {
        int base;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            base = probe.getLocalPort();
        }
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), base + 1));
            assertThatThrownBy(() -> FakeTiCdc.create(cfg -> cfg.port(base).captures(3)).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("could not bind 127.0.0.1:" + (base + 1) + ": Address already in use");
            assertThat(refuses(base)).as("the port bound before the failure is released").isTrue();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Starts a fake, answers one request on every capture, closes it; returns its ports. */
    private static List<Integer> cycle(int captures) {
        List<Integer> ports = new ArrayList<>();
        FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.captures(captures)).start();
        try {
            for (int slot = 0; slot < captures; slot++) {
                ports.add(fake.port(slot));
                assertThat(Http.send(fake.port(slot), "GET", "/api/v2/changefeeds", null).status()).isEqualTo(200);
            }
        } finally {
            fake.close();
        }
        return ports;
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The JVM's shared server keeps a pool of worker threads ({@code fake-ticdc-<n>}) that outlive
     * any one fake and end after 30 s idle; they are not a fake's threads, but there may never be
     * many of them.
     */
    private static final Pattern SHARED_WORKER = Pattern.compile("fake-ticdc-(scheduler-)?\\d+");

    /**
     * Waits up to 5 s for threads not in {@code before} to end; returns those still there (shared
     * workers aside, which must stay few).
     */
    private static Set<String> settle(Set<String> before) throws InterruptedException {
        Set<String> extra = Set.of();
        for (int i = 0; i < 100; i++) {
            extra = threadNames().stream().filter(n -> !before.contains(n))
                    .filter(n -> !n.startsWith("hygiene-client-"))
                    .filter(n -> !SHARED_WORKER.matcher(n).matches())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (extra.isEmpty()) break;
            Thread.sleep(50);
        }
        long workers = threadNames().stream().filter(n -> SHARED_WORKER.matcher(n).matches()).count();
        assertThat(workers).as("shared server workers alive").isLessThanOrEqualTo(64);
        return extra;
    }

    private static boolean refuses(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Open file descriptors of this process, or -1 where /proc is not there. */
    private static int openFds() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }
}
