package io.faketicdc.junit;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.internal.AfterTest;
import io.faketicdc.junit.internal.Annotations;
import io.faketicdc.junit.internal.FakeSettings;
import io.faketicdc.junit.internal.ManagedFake;
import io.faketicdc.junit.internal.ManagedFake.Scope;
import io.faketicdc.junit.internal.RequestPolicy;
import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a fake TiCDC server for tests. Use {@link TiCdcFake @TiCdcFake} for a fresh fake per test,
 * or register the extension in a field (the WireMock and Testcontainers rule):
 *
 * <pre>{@code
 * // static field: one fake for the whole class, started before @BeforeAll, reset before each test
 * @RegisterExtension
 * static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().captures(3).build();
 *
 * // instance field: one fake per test
 * @RegisterExtension
 * TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().profile(Profile.V7_3).build();
 * }</pre>
 *
 * <p>A static field's fake is the class's: started before {@code @BeforeAll}, shared by
 * {@code @Nested} classes, closed after {@code @AfterAll}. Each test but the first gets it reset,
 * on the same port(s); state made in {@code @BeforeAll} is seen by the first test only. An instance
 * field's fake lives as long as the test instance: one per test, or one per class under
 * {@code @TestInstance(PER_CLASS)}. Register at most one fake extension per test class.
 *
 * <p>Tests and lifecycle methods can take a {@link FakeTiCdc}, a {@link URI} (the base URI), a
 * {@link TiCdcFakeInfo} or, for a fake serving https, an {@link SSLContext} ({@code fake.sslContext()}) parameter, or call {@link #fake()}, {@link #baseUrl()} and {@link #port()}.
 * A class-scoped fake keeps its port(s) across tests, so a framework can be given its URL once.
 * With Spring, for example:
 *
 * <pre>{@code
 * @SpringBootTest
 * class ReplicationServiceTest {
 *     @RegisterExtension
 *     static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().build();
 *
 *     @DynamicPropertySource
 *     static void ticdcUrl(DynamicPropertyRegistry registry) {
 *         registry.add("ticdc.base-url", ticdc::baseUrl);
 *     }
 * }
 * }</pre>
 *
 * <p><b>When a test fails</b>, the requests its fake received ({@code fake.requests().describe()})
 * are published as the JUnit report entry {@code "fake-ticdc requests"} and printed to standard
 * error, so the failure explains itself.
 *
 * <p><b>Parallel execution.</b> Every fake binds its own free port and lives in the JUnit store
 * of its test or class, so test classes and per-test fakes run in parallel safely. The tests of
 * one class sharing a static fake must not run concurrently with each other (they fail fast if
 * they do); {@link Builder#exposeBaseUrlAs} sets a JVM-wide system property and is not
 * parallel-safe.
 */
public final class TiCdcFakeExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final String FAKE = "fake";
    private static final String TICKET = "ticket";

    /** Null when the settings come from {@code @TiCdcFake} on the test. */
    private final FakeSettings settings;
    /**
     * The fakes this extension runs now. Only an index, for {@link #fake()}, which has no
     * ExtensionContext to look in: the stores own the fakes, and a fake leaves when JUnit closes it.
     */
    private final Set<ManagedFake> running = ConcurrentHashMap.newKeySet();

    /** Used by {@code @TiCdcFake}. */
    TiCdcFakeExtension() {
        this(null);
    }

    private TiCdcFakeExtension(FakeSettings settings) {
        this.settings = settings;
    }

    /** A builder for a programmatically registered extension. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (settings == null) return;
        // a @Nested class finds its enclosing class's fake here and shares it
        store(context).getOrComputeIfAbsent(FAKE, key -> start(settings, Scope.CLASS), ManagedFake.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store store = store(context);
        ManagedFake shared = settings == null ? null : store.get(FAKE, ManagedFake.class);
        if (shared != null) {
            store.put(TICKET, shared.beginTest(context.getDisplayName()));
            return;
        }
        FakeSettings s = settings != null ? settings : FakeSettings.of(Annotations.find(context).orElseThrow(
                () -> new ExtensionConfigurationException("TiCdcFakeExtension registered without @TiCdcFake;"
                        + " use @TiCdcFake or TiCdcFakeExtension.builder()")));
        store.put(FAKE, start(s, Scope.TEST));
    }

    /**
     * Checks the requests the test made (see {@link Builder#failOnUnexpectedRequests()}); when the
     * test failed, publishes them (a report entry, and standard error).
     */
    @Override
    public void afterEach(ExtensionContext context) {
        ManagedFake managed = store(context).get(FAKE, ManagedFake.class);
        if (managed != null) AfterTest.run(context, managed);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == FakeTiCdc.class || type == TiCdcFakeInfo.class) return true;
        return (type == URI.class || type == SSLContext.class) && store(context).get(FAKE, ManagedFake.class) != null;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ManagedFake managed = store(context).get(FAKE, ManagedFake.class);
        if (managed == null) {
            throw new ParameterResolutionException("no fake TiCDC runs yet for " + parameter.getDeclaringExecutable()
                    + ": @TiCdcFake and an instance field start one per test, so take it in @BeforeEach or"
                    + " test methods; a static @RegisterExtension field starts one per class, before @BeforeAll");
        }
        Class<?> type = parameter.getParameter().getType();
        FakeTiCdc fake = managed.fake();
        if (type == FakeTiCdc.class) return fake;
        if (type == URI.class) return fake.baseUri();
        if (type == SSLContext.class) {
            if (fake.config().tls() == null) {
                throw new ParameterResolutionException("an SSLContext parameter needs a fake that serves https:"
                        + " @TiCdcFake(tls = \"self-signed\") or TiCdcFakeExtension.builder().tls(...)");
            }
            return fake.sslContext();
        }
        return TiCdcFakeInfo.of(fake);
    }

    /** The fake of the current test (a static field: of the current class, reset before each test). */
    public FakeTiCdc fake() {
        List<ManagedFake> now = List.copyOf(running);
        if (now.size() == 1) return now.get(0).fake();
        if (now.isEmpty()) {
            throw new IllegalStateException("no fake TiCDC runs now: a static field's fake runs from before"
                    + " @BeforeAll to after @AfterAll, an instance field's from before @BeforeEach to after @AfterEach");
        }
        throw new IllegalStateException("this extension runs " + now.size() + " fakes at once (a static field"
                + " inherited by test classes running in parallel?): take a FakeTiCdc parameter instead");
    }

    /** {@code http://127.0.0.1:<port>} of the current fake's first capture. */
    public String baseUrl() {
        return fake().baseUrl();
    }

    /** The current fake's first capture's port. */
    public int port() {
        return fake().port();
    }

    private ManagedFake start(FakeSettings s, Scope scope) {
        ManagedFake[] self = new ManagedFake[1];
        self[0] = ManagedFake.start(s, scope, () -> running.remove(self[0]));
        running.add(self[0]);
        return self[0];
    }

    private Namespace namespace() {
        return Namespace.create(TiCdcFakeExtension.class, this);
    }

    private ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(namespace());
    }

    /** Configures the fake; every method returns {@code this}. Defaults as in {@link FakeConfig}. */
    public static final class Builder {
        private final List<Consumer<FakeConfig.Builder>> steps = new ArrayList<>();
        private String exposeBaseUrlAs;
        private boolean failOnNotFound;
        private final Set<String> allowOnly = new LinkedHashSet<>();
        private io.faketicdc.scenario.Scenario scenario;

        private Builder() { }

        /** How many capture processes, each on its own port. */
        public Builder captures(int captures) {
            return configure(b -> b.captures(captures));
        }

        /** Which TiCDC the fake behaves like. */
        public Builder profile(Profile profile) {
            return configure(b -> b.profile(profile));
        }

        /** Seeds every generated value (capture IDs, changefeed UUIDs). */
        public Builder seed(long seed) {
            return configure(b -> b.seed(seed));
        }

        /** The virtual clock's start; unset means now. */
        public Builder startInstant(Instant start) {
            return configure(b -> b.startInstant(start));
        }

        /** What {@code version} fields report; unset means the profile's default. */
        public Builder serverVersion(String version) {
            return configure(b -> b.serverVersion(version));
        }

        /**
         * Whether create, pause and resume become visible one owner tick later (one tick of clock
         * time, or two more requests), as on the real server, so client code must poll.
         */
        public Builder realisticAsync(boolean on) {
            return configure(b -> b.realisticAsync(on));
        }

        /**
         * Serves https: {@code Tls.selfSigned()}, or your own PEM files with {@code Tls.fromPem(cert,
         * key, ca)} ({@code .withMtls(true)}, {@code .withCertAllowedCn(...)} as the real server's
         * {@code [security]}). Tests take an {@link SSLContext} parameter or use {@code fake.tls()}.
         */
        public Builder tls(io.faketicdc.Tls tls) {
            return configure(b -> b.tls(tls));
        }

        /** Any other engine setting (zone, clock, cluster ID...), applied after the ones before it. */
        public Builder configure(Consumer<FakeConfig.Builder> step) {
            steps.add(step);
            return this;
        }

        /**
         * Also publishes the base URL as a system property while the fake runs (set when it starts,
         * restored when it closes), for frameworks configured from system properties before the test
         * starts. <b>Not safe under parallel execution</b>: system properties are JVM-wide, so two
         * fakes running at once overwrite each other's value. Prefer a parameter, {@link TiCdcFakeExtension#baseUrl()}
         * or a static field read by the framework (see the class documentation).
         */
        public Builder exposeBaseUrlAs(String systemProperty) {
            this.exposeBaseUrlAs = systemProperty;
            return this;
        }

        /**
         * Fails a test, even one that passed, when its fake answered a request with 404: a route the
         * TiCDC server does not have (the fake answers 404 where the real server does). The failure
         * lists the offending requests. A class-scoped fake's requests from {@code @BeforeAll} are
         * checked with the first test; those from {@code @AfterAll} are not checked.
         */
        public Builder failOnUnexpectedRequests() {
            this.failOnNotFound = true;
            return this;
        }

        /**
         * The operations tests may call ({@code "create changefeed"}, {@code "get changefeed"}, as in
         * {@code RecordedRequest.operation()}); any other request fails the test, 404s included.
         * Calls add up.
         */
        public Builder allowOnly(String... operations) {
            if (operations.length == 0) throw new IllegalArgumentException("allowOnly needs at least one operation");
            for (String op : operations) allowOnly.add(Objects.requireNonNull(op, "operation"));
            return this;
        }

        /**
         * A scenario on the classpath loaded into the fake before each test (after each reset of a
         * class-scoped fake): a resource path, or the name of a shipped scenario. It brings its
         * cluster: its capture count applies unless {@link #captures(int)} sets one, which must then
         * be the same.
         */
        public Builder scenario(String resource) {
            this.scenario = FakeSettings.scenario(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /** The extension; fails now if the configuration is invalid. */
        public TiCdcFakeExtension build() {
            FakeSettings settings = new FakeSettings(steps, exposeBaseUrlAs,
                    new RequestPolicy(failOnNotFound, allowOnly), scenario);
            settings.create(); // validates: the configuration, and the scenario's captures against captures(n)
            return new TiCdcFakeExtension(settings);
        }
    }
}
