package io.faketicdc;

import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.faults.Faults;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.control.ControlGate;
import io.faketicdc.internal.control.ControlledFake;
import io.faketicdc.internal.faults.FaultInjector;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.Reply;
import io.faketicdc.internal.journal.Journal;
import io.faketicdc.internal.journal.ExchangeRecorder;
import io.faketicdc.internal.pipeline.CapturePipeline;
import io.faketicdc.internal.routes.ApiRoutes;
import io.faketicdc.internal.routes.CaptureEndpoint;
import io.faketicdc.internal.script.ScriptRunner;
import io.faketicdc.internal.script.Seeder;
import io.faketicdc.internal.server.CaptureServers;
import io.faketicdc.scenario.Scenario;
import io.faketicdc.script.Step;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fake TiCDC server: the real OpenAPI on a local port (one per capture), backed by an
 * in-memory cluster you can read and script.
 *
 * <pre>{@code
 * try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.seed(7)).start()) {
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(
 *             URI.create(fake.baseUrl() + "/api/v2/changefeeds")).build(), BodyHandlers.ofString());
 * }
 * }</pre>
 *
 * <p>Each instance has its own state; any number can run in one JVM.
 */
public final class FakeTiCdc implements AutoCloseable {
    private final FakeConfig config;
    /** Loaded by {@link #start()} and again by {@link #reset()}; null for none. */
    private final Scenario scenario;
    private final Journal journal;
    private final FaultInjector faults;
    /** Null: plain http. Made when the fake is created, so bad TLS input fails before a port is bound. */
    private final io.faketicdc.internal.tls.ServerTls tls;
    private final FakeTls tlsView;
    private CaptureServers servers;
    private volatile Cluster cluster;
    private volatile ScriptRunner runner;
    private String baseUrl;
    private ControlGate control;
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeTiCdc(FakeConfig config) {
        this(config, null);
    }

    private FakeTiCdc(FakeConfig config, Scenario scenario) {
        this.config = config;
        this.scenario = scenario;
        this.journal = new Journal(config.journalCapacity());
        this.faults = new FaultInjector(config.seed(), this::closePortFromScript, slot -> started().reopenPort(slot));
        this.tls = config.tls() == null ? null
                : io.faketicdc.internal.tls.ServerTls.prepare(config.tls(), io.faketicdc.internal.tls.ServerTls.hostsFor(config.host()));
        this.tlsView = tls == null ? null : new FakeTls(tls);
    }

    /** A fake with the default configuration (loopback, port 0, profile master). */
    public static FakeTiCdc create() {
        return new FakeTiCdc(FakeConfig.builder().build());
    }

    /** A fake configured by the given callback. */
    public static FakeTiCdc create(Consumer<FakeConfig.Builder> configure) {
        FakeConfig.Builder b = FakeConfig.builder();
        configure.accept(b);
        return new FakeTiCdc(b.build());
    }

    public static FakeTiCdc create(FakeConfig config) {
        return new FakeTiCdc(config);
    }

    /**
     * A fake for a scenario, configured by the callback. The scenario brings its cluster: its
     * {@code captures} count applies unless the callback sets another with
     * {@link FakeConfig.Builder#captures(int)} (an {@link IllegalArgumentException} naming both);
     * its PD endpoints and credentials are set before the callback runs, which may add users or
     * replace the endpoints (loading then checks that the fake still has what the scenario needs).
     * {@link #start()} loads the scenario, and {@link #reset()} loads it again.
     *
     * <pre>{@code
     * try (FakeTiCdc fake = FakeTiCdc.create(Scenario.fromClasspath("rolling-upgrade"), cfg -> cfg.seed(7)).start()) {
     *     // three captures, three running changefeeds
     * }
     * }</pre>
     *
     * @param scenario  the scenario; null for none (as {@link #create(Consumer)})
     * @param configure sets anything else (seed, profile, clock...)
     */
    public static FakeTiCdc create(Scenario scenario, Consumer<FakeConfig.Builder> configure) {
        FakeConfig.Builder b = FakeConfig.builder();
        if (scenario != null) ScenarioNeeds.applyTo(scenario.pdAddrs(), scenario.credentials(), b); // the callback may add to them
        configure.accept(b);
        if (scenario == null) return new FakeTiCdc(b.build());
        FakeConfig config = b.build(scenario.captures(), label(scenario));
        ScenarioNeeds.check(scenario.pdAddrs(), scenario.credentials(), label(scenario), config);
        return new FakeTiCdc(config, scenario);
    }

    private static String label(Scenario scenario) {
        return scenario.name() == null ? "(unnamed)" : scenario.name();
    }

    /**
     * Binds the port (one per capture) and starts serving, with the scenario loaded for a fake
     * created for one; returns {@code this}. The ports listen when this returns; for the first fake
     * of a JVM the shared HTTP server is still starting on a thread of its own, and a request sent
     * meanwhile waits for it.
     */
    public synchronized FakeTiCdc start() {
        if (servers != null) throw new IllegalStateException("fake already started");
        CaptureServers s;
        try {
            s = CaptureServers.bind(config.host(), config.port(), config.captures(), tls);
        } catch (CaptureServers.BindFailure e) {
            // the port that failed, which is not the configured one for the second capture on
            throw bindError(e);
        }
        this.servers = s;
        this.baseUrl = url(s.port(0));
        if (config.controlApi()) this.control = new ControlGate(new Controls(), config.controlToken(), this::close);
        install();
        if (scenario != null) {
            try {
                load(scenario);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        return this;
    }

    /** A fresh cluster from the configuration, wired to the ports. */
    private void install() {
        CaptureServers s = servers;
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < s.count(); i++) addresses.add(advertised(i, s.port(i)));
        Cluster c = new Cluster(config, addresses);
        List<CaptureEndpoint> endpoints = ApiRoutes.endpoints(c, s::port, faults.forwardFaults());
        this.runner = new ScriptRunner(c, this::closePortFromScript, s::reopenPort, () -> addProcess(c, endpoints));
        this.cluster = c;
        faults.install(c, endpoints.get(0).operations());
        List<Function<ApiRequest, Reply>> engines = new ArrayList<>();
        for (CaptureEndpoint e : endpoints) engines.add(engine(e, c));
        s.engines(engines);
    }

    /** What a capture's port does with a request: its pipeline. */
    private Function<ApiRequest, Reply> engine(CaptureEndpoint endpoint, Cluster c) {
        return new CapturePipeline(control, faults, endpoint, new ExchangeRecorder(journal), c.clock());
    }

    /**
     * A capture process added at runtime, under the cluster's lock: a new port after the last, with
     * its own endpoint, then a new slot that a new capture joins. Returns the slot.
     */
    private int addProcess(Cluster c, List<CaptureEndpoint> endpoints) {
        if (c != cluster || c.closed()) throw new IllegalStateException("the fake was reset or closed");
        CaptureEndpoint e = endpoints.get(0).addPeer();
        int slot;
        try {
            slot = servers.add(engine(e, c));
        } catch (CaptureServers.BindFailure failure) {
            throw bindError(failure);
        }
        int added = c.addSlot(advertised(slot, servers.port(slot)));
        if (added != slot || e.slot() != slot) throw new IllegalStateException("slot mismatch: port " + slot + ", cluster " + added);
        c.join(slot);
        return slot;
    }

    /** A process exit, scripted or by a fault (see {@link CaptureServers#closePortSoon}). */
    private void closePortFromScript(int slot) {
        servers.closePortSoon(slot);
    }

    /**
     * Back to the state right after {@link #start()}: no changefeeds, the initial captures (ports
     * reopened; the ports of captures added since are closed), the clock at its start, nothing scheduled, no faults (requests left hanging by
     * one are cut off), and the scenario of a fake created for one loaded again. The ports stay the same.
     */
    public synchronized FakeTiCdc reset() {
        CaptureServers s = started();
        faults.clear();
        s.abortHanging();
        s.truncate(config.captures());
        for (int i = 0; i < s.count(); i++) s.reopenPort(i);
        journal.clear();
        install();
        if (scenario != null) load(scenario);
        return this;
    }

    private String advertised(int slot, int boundPort) {
        String adv = config.advertiseAddr();
        if (adv == null) return hostForUrl(config.host()) + ":" + boundPort;
        int colon = adv.lastIndexOf(':');
        return adv.substring(0, colon + 1) + (Integer.parseInt(adv.substring(colon + 1)) + slot);
    }

    public FakeConfig config() {
        return config;
    }

    /** The bound port of the first capture. */
    public int port() {
        return started().port(0);
    }

    /** The bound port of the capture in a slot. */
    public int port(int slot) {
        return started().port(slot);
    }

    /**
     * Every request the fake answered, in order, on every capture's port (bounded by
     * {@link FakeConfig#journalCapacity()}); usable before {@link #start()}.
     */
    public RequestJournal requests() {
        return journal;
    }

    /** {@code http://127.0.0.1:<port>} ({@code https://} with {@link FakeConfig#tls()}), without a trailing slash. */
    public String baseUrl() {
        started();
        return baseUrl;
    }

    /** {@code http://127.0.0.1:<port>} ({@code https://} with {@link FakeConfig#tls()}) of the capture in a slot. */
    public String baseUrl(int slot) {
        return url(started().port(slot));
    }

    /** (Two constant-prefix concatenations: a plain fake links only the one it had before TLS.) */
    private String url(int port) {
        if (tls == null) return "http://" + hostForUrl(config.host()) + ":" + port;
        return "https://" + hostForUrl(config.host()) + ":" + port;
    }

    /**
     * What a client needs to talk to this fake over https: the CA to trust, {@code SSLContext}s,
     * client certificates of a self-signed fake. Usable before {@link #start()}; an
     * {@link IllegalStateException} when the fake serves plain http.
     */
    public FakeTls tls() {
        if (tls == null) throw new IllegalStateException("the fake serves plain http: set FakeConfig.Builder.tls(...) for https");
        return tlsView;
    }

    /** Shorthand for {@code tls().sslContext()}: trusts the fake's CA, presents its certificate when asked. */
    public javax.net.ssl.SSLContext sslContext() {
        return tls().sslContext();
    }

    public URI baseUri() {
        return URI.create(baseUrl());
    }

    /** The capture processes, to read and to script. */
    public FakeCluster cluster() {
        started();
        return new FakeCluster(this, io.faketicdc.script.Timing.now());
    }

    /**
     * The faults injected into this fake's answers and cluster: request rules (errors, delays,
     * resets, hangs...) and cluster faults (partitions, sticky or flapping owner). See
     * {@link io.faketicdc.faults.FaultRule}.
     */
    public Faults faults() {
        started();
        return faults;
    }

    /** The virtual clock. */
    public FakeClock clock() {
        started();
        return new FakeClock(this::engineCluster);
    }

    /** A changefeed of the {@code default} namespace, to read and to script. */
    public ChangefeedHandle changefeed(String id) {
        return changefeed(ChangefeedKey.DEFAULT_NAMESPACE, id);
    }

    public ChangefeedHandle changefeed(String namespace, String id) {
        started();
        return new ChangefeedHandle(this, namespace, id, io.faketicdc.script.Timing.now());
    }

    /**
     * A downstream the changefeeds' sinks write to, to script: {@code host:port}, a host alone (any
     * port) or a sink URI such as {@code mysql://127.0.0.1:3306}. An unknown scheme or an
     * unparsable host is an {@link IllegalArgumentException} naming the downstream.
     */
    public DownstreamHandle downstream(String downstream) {
        started();
        return new DownstreamHandle(this, downstream, io.faketicdc.script.Timing.now());
    }

    /** Puts a changefeed in directly, in any state, as if the owner had always known it. */
    public FakeTiCdc seed(ChangefeedSeed seed) {
        started();
        Seeder.seed(cluster, seed);
        return this;
    }

    /** The changefeeds the owner knows now, sorted by namespace and ID. */
    public List<ChangefeedSnapshot> changefeeds() {
        Cluster c = engineCluster();
        List<ChangefeedKey> keys = new ArrayList<>();
        c.afterTick(() -> {
            for (io.faketicdc.internal.cluster.Changefeed cf : c.changefeeds()) keys.add(cf.key());
        });
        List<ChangefeedSnapshot> out = new ArrayList<>();
        for (ChangefeedKey k : keys) out.add(changefeed(k.namespace(), k.id()).snapshot());
        return out;
    }

    /**
     * Loads a scenario: seeds its changefeeds, adds its faults and applies (or schedules) its steps,
     * in order. All or nothing: every seed, fault and step is checked before the first is applied.
     */
    public FakeTiCdc load(Scenario scenario) {
        started();
        if (scenario.captures() != null && scenario.captures() != config.captures()) {
            throw new IllegalArgumentException("scenario " + label(scenario) + " needs " + scenario.captures()
                    + " captures; this fake has " + config.captures());
        }
        ScenarioNeeds.check(scenario.pdAddrs(), scenario.credentials(), label(scenario), config);
        java.util.Set<ChangefeedKey> seeded = new java.util.HashSet<>();
        for (ChangefeedSeed s : scenario.changefeeds()) {
            seeded.add(new ChangefeedKey(s.namespace() == null ? ChangefeedKey.DEFAULT_NAMESPACE : s.namespace(), s.id()));
        }
        checked(scenario, "changefeeds", () -> Seeder.checkAll(cluster, scenario.changefeeds()));
        checked(scenario, "faults", () -> faults.checkAll(scenario.faults()));
        checked(scenario, "steps", () -> runner.checkAll(scenario.steps(), seeded));
        Seeder.seedAll(cluster, scenario.changefeeds());
        faults.addAll(scenario.faults());
        runner.submitAll(scenario.steps());
        return this;
    }

    /** Runs a check of one section of a scenario; a refused item is named by section and index. */
    private static void checked(Scenario scenario, String section, Runnable check) {
        try {
            check.run();
        } catch (io.faketicdc.internal.cluster.BatchItemException e) {
            String message = "scenario " + label(scenario) + ": " + section + "[" + e.index() + "]: " + e.getMessage();
            if (e.conflict()) throw new IllegalStateException(message, e);
            throw new IllegalArgumentException(message, e);
        }
    }

    /**
     * The page the control API serves at {@code /fake/ui} (captures, changefeeds, the request
     * journal as a timeline) as one self-contained HTML document with this fake's state and journal
     * now embedded: save it as a file and open it in a browser. Needs neither the control API nor a
     * network; rendered on each call.
     */
    public String timelineHtml() {
        started();
        return io.faketicdc.internal.control.TimelinePage.snapshot(new Controls());
    }

    /** Waits until the fake is closed (by {@link #close()} or the control API's shutdown). */
    public boolean awaitClosed(java.time.Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Applies scripted steps (plain data, as in scenario files), each now or when its timing comes. */
    public FakeTiCdc run(Step... steps) {
        started();
        runner.submitAll(List.of(steps));
        return this;
    }

    Cluster engineCluster() {
        started();
        return cluster;
    }

    /** Stops serving and frees the ports. Idempotent. */
    @Override
    public synchronized void close() {
        faults.close();
        Cluster c = cluster;
        if (c != null) c.close();
        if (servers != null) servers.close();
        closed.countDown();
    }

    /** What the control API may read and do, through this fake's own public methods. */
    private final class Controls implements ControlledFake {
        @Override
        public FakeConfig config() {
            return config;
        }

        @Override
        public List<CaptureInfo> captures() {
            return cluster().captures();
        }

        @Override
        public String baseUrl(int slot) {
            return FakeTiCdc.this.baseUrl(slot);
        }

        @Override
        public List<ChangefeedSnapshot> changefeeds() {
            return FakeTiCdc.this.changefeeds();
        }

        @Override
        public ChangefeedSnapshot changefeed(String namespace, String id) {
            return (namespace == null || namespace.isEmpty() ? FakeTiCdc.this.changefeed(id)
                    : FakeTiCdc.this.changefeed(namespace, id)).snapshot();
        }

        @Override
        public RequestJournal requests() {
            return journal;
        }

        @Override
        public java.util.concurrent.CompletableFuture<RecordedRequest> awaitRequest(
                java.util.function.Predicate<? super RecordedRequest> predicate, java.time.Duration timeout) {
            return journal.awaitLater(predicate, timeout);
        }

        @Override
        public List<RecordedRequest> requestPage(java.util.function.Predicate<? super RecordedRequest> predicate,
                long since, int limit, long maxBytes) {
            return journal.page(predicate, since, limit, maxBytes);
        }

        @Override
        public Faults faults() {
            return FakeTiCdc.this.faults();
        }

        @Override
        public java.time.Instant now() {
            return clock().now();
        }

        @Override
        public boolean ticking() {
            return clock().ticking();
        }

        @Override
        public void advanceClock(java.time.Duration d) {
            clock().advance(d);
        }

        @Override
        public void setClock(java.time.Instant instant) {
            clock().set(instant);
        }

        @Override
        public void reset() {
            FakeTiCdc.this.reset();
        }

        @Override
        public void run(List<Step> steps) {
            FakeTiCdc.this.run(steps.toArray(Step[]::new));
        }

        @Override
        public void seed(List<ChangefeedSeed> seeds) {
            started();
            Seeder.seedAll(cluster, seeds);
        }

        @Override
        public List<String> addFaults(List<?> batch) {
            started();
            return faults.addAll(batch);
        }

        @Override
        public List<String> downstreamsDown() {
            Cluster c = engineCluster();
            List<String> down = new ArrayList<>();
            c.afterTick(() -> c.downstreams().down().forEach(a -> down.add(a.toString())));
            return down;
        }

        @Override
        public void loadScenario(String json, String source) {
            load(Scenario.parse(json, source));
        }
    }

    private CaptureServers started() {
        CaptureServers s = servers;
        if (s == null) throw new IllegalStateException("fake not started: call start() first");
        return s;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** "could not bind host:port: Address already in use": the port that failed and why. */
    private static IllegalStateException bindError(CaptureServers.BindFailure e) {
        return new IllegalStateException("could not bind " + e.address() + ": " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
