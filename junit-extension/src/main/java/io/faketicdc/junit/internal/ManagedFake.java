package io.faketicdc.junit.internal;

import io.faketicdc.FakeTiCdc;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running fake as stored in an {@link ExtensionContext.Store}: JUnit closes it when the context
 * that owns it ends (the test, or the class for a class-scoped fake), whether or not the tests
 * passed. Implements both {@code CloseableResource} (JUnit 5.10-5.12) and {@code AutoCloseable}
 * (JUnit 5.13+, which then closes it once, through {@code AutoCloseable}).
 */
@SuppressWarnings("deprecation") // CloseableResource is deprecated from JUnit 5.13, needed before it
public final class ManagedFake implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** How long the fake lives: one test, or every test of a class (reset in between). */
    public enum Scope { TEST, CLASS }

    private final Scope scope;
    private final RequestPolicy policy;
    private final SystemPropertyExposure exposure;
    private final Runnable onClose;
    private final AtomicInteger testsBegun = new AtomicInteger();
    private final AtomicInteger testsRunning = new AtomicInteger();
    private volatile FakeTiCdc fake;
    private boolean closed;

    private ManagedFake(Scope scope, RequestPolicy policy, FakeTiCdc fake, SystemPropertyExposure exposure,
                        Runnable onClose) {
        this.scope = scope;
        this.policy = policy;
        this.fake = fake;
        this.exposure = exposure;
        this.onClose = onClose;
    }

    /** Starts a fake; {@code onClose} runs once it is closed. */
    public static ManagedFake start(FakeSettings settings, Scope scope, Runnable onClose) {
        FakeTiCdc fake = settings.create();
        try {
            fake.start(); // loads the scenario, if any; a fake that fails to start has closed itself
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (settings.scenario() == null) throw e;
            throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
                    "could not load scenario " + settings.scenario().name() + ": " + e.getMessage(), e);
        }
        SystemPropertyExposure exposure = SystemPropertyExposure.publish(settings.exposeBaseUrlAs(), fake.baseUrl());
        return new ManagedFake(scope, settings.policy(), fake, exposure, onClose);
    }

    /** The fake the current test talks to. */
    public FakeTiCdc fake() {
        return fake;
    }

    /** Which requests its tests may make. */
    public RequestPolicy policy() {
        return policy;
    }

    /**
     * A test of a class-scoped fake begins: every test but the first gets a reset fake. Returns the
     * ticket that ends the test when the test's own store closes it.
     *
     * @throws IllegalStateException when another test of the same class still runs (the tests of
     *                               a class sharing one fake must not run concurrently)
     */
    public synchronized Ticket beginTest(String testName) {
        if (scope != Scope.CLASS) throw new IllegalStateException("only a class-scoped fake is shared");
        if (testsRunning.get() > 0) {
            throw new IllegalStateException("'" + testName + "' started while another test of the same class"
                    + " was running, but a static TiCdcFakeExtension field is one fake shared by the class's"
                    + " tests and reset before each: annotate the class with @Execution(ExecutionMode.SAME_THREAD),"
                    + " or use an instance field or @TiCdcFake for one fake per test");
        }
        if (testsBegun.getAndIncrement() > 0) {
            fake = resetBetweenTests(fake); // the scenario, if any, loads again
        }
        testsRunning.incrementAndGet();
        return new Ticket(this);
    }

    /** Gives the next test of a class-scoped fake a clean state: same instance, same ports, nothing rebinds. */
    static FakeTiCdc resetBetweenTests(FakeTiCdc fake) {
        return fake.reset();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            fake.close();
        } finally {
            exposure.restore();
            onClose.run();
        }
    }

    /** One test's use of a class-scoped fake; stored in the test's own store, closed when the test ends. */
    @SuppressWarnings("deprecation")
    public static final class Ticket implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final ManagedFake owner;
        private final AtomicInteger once = new AtomicInteger();

        private Ticket(ManagedFake owner) {
            this.owner = owner;
        }

        @Override
        public void close() {
            if (once.getAndIncrement() == 0) owner.testsRunning.decrementAndGet();
        }
    }
}
