package io.faketicdc.internal.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps an embedded fake silent in a JVM without an SLF4J provider (a user's test classpath that
 * has slf4j-api, through fake-ticdc, but no binding), and changes nothing when there is one.
 *
 * <p>Two things print there otherwise, both to standard error, both when the shared server starts:
 * slf4j-api 2.x's "No SLF4J providers were found" when the first logger is made (Jetty's and
 * Javalin's classes make theirs as they load), and Javalin's "It looks like you don't have a logger
 * in your project" box, which {@code JettyServer.start()} prints unless it finds slf4j-simple or an
 * {@code SLF4JServiceProvider} through the thread's context class loader. Without a provider every
 * log call goes nowhere anyway (slf4j-api falls back to its no-operation provider); the fix only
 * takes that fallback without the announcements, using nothing but slf4j-api itself:
 *
 * <ol>
 *   <li>{@link #bindSlf4j()} runs once, before anything logs (the first bind of a port, or the
 *       shared server's start): if the {@link ServiceLoader} that slf4j-api
 *       itself uses finds no provider and the user named none ({@code slf4j.provider}), it binds
 *       slf4j-api to its own {@code NOP_FallbackServiceProvider} through the documented
 *       {@code slf4j.provider} system property (and {@code slf4j.internal.verbosity=WARN}, so the
 *       "Attempting to load provider" note stays quiet), then removes both properties again.</li>
 *   <li>{@link #start(Runnable)} starts Javalin with a context class loader that also lists that
 *       provider as a service, so Javalin's check finds one; the loader is the thread's only
 *       during the call (Jetty's pool threads set their own).</li>
 * </ol>
 *
 * <p>A JVM that already has a provider (logback, slf4j-simple, log4j-slf4j2-impl...) keeps it:
 * nothing here runs, and Javalin and Jetty log through it as usual.
 */
final class QuietLogging {
    static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";
    private static final String SERVICES = "META-INF/services/" + SLF4JServiceProvider.class.getName();
    private static final String PROVIDER_PROPERTY = "slf4j.provider";
    private static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    private static volatile boolean bound;

    private QuietLogging() { }

    /** Whether slf4j-api finds a provider of its own (as it looks: with its own class loader). */
    static boolean providerPresent() {
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
                    .stream().findAny().isPresent();
        } catch (ServiceConfigurationError e) {
            return true; // a broken provider is the user's to see: let slf4j-api report it
        }
    }

    /** Binds slf4j-api to its no-operation provider, silently, when it has no other; before anything logs. */
    static void bindSlf4j() {
        if (!bound) bindOnce();
    }

    private static synchronized void bindOnce() {
        if (bound) return;
        bound = true;
        if (providerPresent() || System.getProperty(PROVIDER_PROPERTY) != null) return;
        boolean setVerbosity = System.getProperty(VERBOSITY_PROPERTY) == null;
        System.setProperty(PROVIDER_PROPERTY, NOP_PROVIDER);
        if (setVerbosity) System.setProperty(VERBOSITY_PROPERTY, "WARN");
        try {
            LoggerFactory.getILoggerFactory(); // binds now (a no-op if something bound slf4j-api before us)
        } finally {
            System.clearProperty(PROVIDER_PROPERTY);
            if (setVerbosity) System.clearProperty(VERBOSITY_PROPERTY);
        }
    }

    /** Runs Javalin's start; without a provider, with the no-operation one visible to its logger check. */
    static void start(Runnable start) {
        if (providerPresent()) {
            start.run();
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        ClassLoader parent = original != null ? original : QuietLogging.class.getClassLoader();
        ClassLoader withNop = new NopProviderListed(parent);
        if (!listsAProvider(withNop)) {
            start.run(); // an unusual class loader: Javalin may print its note, but nothing breaks
            return;
        }
        thread.setContextClassLoader(withNop);
        try {
            start.run();
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    private static boolean listsAProvider(ClassLoader loader) {
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, loader).findFirst().isPresent();
        } catch (ServiceConfigurationError e) {
            return false;
        }
    }

    /** Its parent's classes and resources, plus a services file naming slf4j-api's no-operation provider. */
    private static final class NopProviderListed extends ClassLoader {
        private static final URL LIST = QuietLogging.class.getResource("slf4j-nop-provider.txt");

        NopProviderListed(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected URL findResource(String name) {
            return SERVICES.equals(name) ? LIST : null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            if (!SERVICES.equals(name)) return Collections.emptyEnumeration();
            if (LIST == null) throw new UncheckedIOException(new IOException("slf4j-nop-provider.txt missing from the jar"));
            return Collections.enumeration(java.util.List.of(LIST));
        }
    }
}
