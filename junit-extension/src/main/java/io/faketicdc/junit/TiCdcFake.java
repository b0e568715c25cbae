package io.faketicdc.junit;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a fresh fake TiCDC server for each test, on a free port picked by the server, and
 * closes it after the test (also when the test fails).
 *
 * <pre>{@code
 * @TiCdcFake(captures = 3, profile = Profile.V7_3)
 * class ChangefeedClientTest {
 *     @Test
 *     void listsNoChangefeedsOnAFreshCluster(FakeTiCdc fake, URI baseUri, TiCdcFakeInfo info) { ... }
 * }
 * }</pre>
 *
 * <p>On a class it applies to every test of the class, of its subclasses and of its
 * {@code @Nested} classes; on a method, to that test only (a method's annotation wins over its
 * class's). Test methods, {@code @BeforeEach} and {@code @AfterEach} methods can take a
 * {@link io.faketicdc.FakeTiCdc}, a {@link java.net.URI} (the base URI), a {@link TiCdcFakeInfo} or,
 * with {@link #tls()}, a {@link javax.net.ssl.SSLContext} parameter; they all see the same fake. For one fake per test class, register
 * {@link TiCdcFakeExtension} in a static field instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TiCdcFakeExtension.class)
public @interface TiCdcFake {

    /**
     * How many capture processes, each on its own port. 0 (the default): the {@link #scenario()}'s
     * count, else 1. A count set here that differs from the scenario's fails the configuration.
     */
    int captures() default 0;

    /** Which TiCDC the fake behaves like. */
    Profile profile() default Profile.MASTER;

    /** Seeds every generated value (capture IDs, changefeed UUIDs). */
    long seed() default FakeConfig.DEFAULT_SEED;

    /** The virtual clock's start as an ISO-8601 instant ({@code 2024-01-02T03:04:05Z}); "" means now. */
    String startInstant() default "";

    /** What {@code version} fields report; "" means the profile's default. */
    String serverVersion() default "";

    /**
     * Whether create, pause and resume become visible one owner tick later (one tick of clock time,
     * or two more requests), as on the real server, so client code must poll.
     */
    boolean realisticAsync() default false;

    /**
     * The real server's {@code client-user-required}: the routes that change changefeeds then need
     * HTTP Basic credentials of one of the {@link #users()} (401 otherwise).
     */
    boolean clientUserRequired() default false;

    /** The allowed users, each {@code "NAME:PASSWORD"} (the password their upstream TiDB knows). */
    String[] users() default {};

    /**
     * The upstream's PD endpoints ({@code cdc server --pd}), each {@code http://host:port}; a
     * request's {@code pd_addrs} naming none of them gets the real answer for an unreachable PD.
     * Empty: {@code http://127.0.0.1:2379}.
     */
    String[] pdAddrs() default {};

    /**
     * How creates and updates check their sink's downstream: {@link io.faketicdc.SinkCheck#ACCEPT}
     * (every downstream is reachable unless scripted down with {@code fake.downstream(..)}) or
     * {@link io.faketicdc.SinkCheck#DIAL} (the fake connects to the sink's host and port).
     */
    io.faketicdc.SinkCheck sinkCheck() default io.faketicdc.SinkCheck.ACCEPT;

    /**
     * {@code "self-signed"}: the captures serve https with a certificate the fake makes (a CA of its
     * own, a server certificate for 127.0.0.1 and localhost); take an {@link javax.net.ssl.SSLContext}
     * parameter (or {@code fake.tls()}) for the client. "" (the default): plain http. For your own
     * PEM files, register {@link TiCdcFakeExtension} with {@code .tls(Tls.fromPem(cert, key, ca))}.
     */
    String tls() default "";

    /** With {@link #tls()}: every client must present a certificate signed by the fake's CA (TiCDC's {@code security.mtls}). */
    boolean mtls() default false;

    /**
     * With {@link #tls()}: client certificates are required and one of their chain must have one of
     * these common names (TiCDC's {@code cert-allowed-cn}); {@code fake.tls().clientCertificate("ops")}
     * issues one.
     */
    String[] certAllowedCn() default {};

    /**
     * Fails the test, even one that passed, when its fake answered a request with 404: a route
     * the TiCDC server does not have (the fake answers 404 where the real server does). The
     * failure lists the offending requests.
     */
    boolean failOnUnexpectedRequests() default false;

    /**
     * The operations the test may call ({@code "create changefeed"}, {@code "get changefeed"}, as
     * in {@code RecordedRequest.operation()}); any other request fails the test, 404s included.
     * Empty: any.
     */
    String[] allowOnly() default {};

    /**
     * A scenario file on the classpath loaded into each fake before its test (changefeeds, faults
     * and scheduled steps): a resource path such as {@code scenarios/my-case.json}, or the name of a
     * scenario shipped with fake-ticdc ({@code rolling-upgrade}, {@code changefeed-fails-after-lag},
     * {@code flaky-owner}). Empty: none. The scenario brings its cluster: its capture count applies
     * unless {@link #captures()} sets one.
     */
    String scenario() default "";
}
