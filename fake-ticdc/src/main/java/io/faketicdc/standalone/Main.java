package io.faketicdc.standalone;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import io.faketicdc.scenario.Scenario;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar fake-ticdc-standalone.jar --addr 127.0.0.1:8300}: a thin shell around the engine. */
@Command(name = "fake-ticdc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = "Serves a fake TiCDC (OpenAPI v2, the v1 subset deployment tools use, and a control API under "
                + "/fake/v1) until Ctrl-C, SIGTERM or POST /fake/v1/shutdown.")
public final class Main implements Callable<Integer> {
    static final String TOKEN_ENV = "FAKE_TICDC_CONTROL_TOKEN";

    @Option(names = "--addr", defaultValue = "127.0.0.1:8300", description = "host:port of the first capture (default: ${DEFAULT-VALUE}); port 0 picks free ports")
    String addr;
    @Option(names = "--advertise-addr", description = "host:port the captures report (as cdc server --advertise-addr); default: --addr")
    String advertiseAddr;
    @Option(names = "--cluster-id", defaultValue = "default", description = "the TiCDC cluster name (default: ${DEFAULT-VALUE})")
    String clusterId;
    @Option(names = "--captures", description = "capture processes, on ports PORT..PORT+N-1 (default: the --scenario's count, else 1)")
    Integer captures;
    @Option(names = "--profile", defaultValue = "master", description = "TiCDC to behave like: master, v7.3 or newarch (default: ${DEFAULT-VALUE})")
    String profile;
    @Option(names = "--keyspace", description = "with --profile newarch: the next-gen build, where this keyspace exists "
            + "and every changefeed route needs ?keyspace= (repeat for more)")
    java.util.List<String> keyspaces;
    @Option(names = "--server-version", description = "version the server reports (default: the profile's)")
    String serverVersion;
    @Option(names = "--seed", description = "seed for generated IDs and jitter (default: a fixed seed)")
    Long seed;
    @Option(names = "--clock", defaultValue = "ticking", description = "ticking (follows real time) or manual (moves only through the control API) (default: ${DEFAULT-VALUE})")
    String clock;
    @Option(names = "--start-time", description = "the clock's start instant, ISO-8601 (default: now)")
    String startTime;
    @Option(names = "--scenario", description = "scenario file to load: a path, or the name of a shipped one (rolling-upgrade, changefeed-fails-after-lag, flaky-owner)")
    String scenario;
    @Option(names = "--realistic-async", description = "create, pause and resume show one owner tick later, as on the real server")
    boolean realisticAsync;
    @Option(names = "--log-level", defaultValue = "warn", description = "log level of the fake's server (Jetty, Javalin): "
            + "off, error, warn, info, debug, trace (default: ${DEFAULT-VALUE})")
    String logLevel;
    @Option(names = "--verbose", description = "print one line per request: time (the fake's clock), capture, method, path, "
            + "status, duration, the fault that fired, where it was forwarded")
    boolean verbose;
    @Option(names = "--no-control", description = "do not serve the control API")
    boolean noControl;
    @Option(names = "--control-token", description = "require Authorization: Bearer <token> on the control API (or set " + TOKEN_ENV + ")")
    String controlToken;
    @Option(names = "--client-user-required", description = "the changing routes need Basic credentials of a --user "
            + "(as [security] client-user-required)")
    boolean clientUserRequired;
    @Option(names = "--user", paramLabel = "NAME:PASSWORD", description = "an allowed user and the password its "
            + "upstream TiDB knows (repeatable; as client-allowed-user)")
    java.util.List<String> users = new java.util.ArrayList<>();
    @Option(names = "--pd-addrs", paramLabel = "URL[,URL]", split = ",", description = "the upstream's PD endpoints "
            + "(as cdc server --pd; default: " + FakeConfig.DEFAULT_PD_ADDR + "): pd_addrs naming none of them get the "
            + "real answer for an unreachable PD")
    java.util.List<String> pdAddrs = new java.util.ArrayList<>();
    @Option(names = "--sink-check", defaultValue = "accept", paramLabel = "accept|dial", description = "how creates and "
            + "updates check the sink's downstream: accept (every downstream is reachable) or dial (connect to its host:port, "
            + "answer the real error when refused or unresolvable) (default: ${DEFAULT-VALUE})")
    String sinkCheck;
    @Option(names = "--cert", description = "server certificate (PEM) for https, with --key and --ca (as cdc server --cert)")
    java.nio.file.Path cert;
    @Option(names = "--key", description = "the certificate's private key (PEM: PKCS#8, PKCS#1 or SEC1) (as cdc server --key)")
    java.nio.file.Path key;
    @Option(names = "--ca", description = "CA certificates (PEM) client certificates must chain to (as cdc server --ca)")
    java.nio.file.Path ca;
    @Option(names = "--tls", paramLabel = "self-signed", description = "serve https with a certificate the fake makes "
            + "(its CA, and a client certificate with --mtls or --cert-allowed-cn, are written to a temporary directory the banner names)")
    String tls;
    @Option(names = "--mtls", description = "with TLS: every client must present a certificate signed by the CA (as security.mtls)")
    boolean mtls;
    @Option(names = "--cert-allowed-cn", paramLabel = "CN[,CN...]", description = "with TLS: client certificates are required and "
            + "one of their chain must have one of these common names (comma-separated or repeated; as cdc server --cert-allowed-cn)")
    java.util.List<String> certAllowedCn = new java.util.ArrayList<>();
    @Option(names = "--insecure-control", description = "allow the control API without a token on a non-loopback address")
    boolean insecureControl;

    public static void main(String[] args) {
        // quiet Jetty and Javalin unless asked; must happen before the first logger exists
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel(args));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin", "off");
        if (args.length == 0 || !args[0].equals("verify")) Prewarm.start(); // verify serves nothing
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main(out, err));
        cli.addSubcommand("verify", new VerifyCommand(out, err));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("fake-ticdc: " + e.getMessage() + " (see --help)");
            return 2;
        });
        return cli.execute(args);
    }

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private static String logLevel(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--log-level=")) return args[i].substring("--log-level=".length());
            if (args[i].equals("--log-level") && i + 1 < args.length) return args[i + 1];
        }
        return "warn";
    }

    @Override
    public Integer call() throws InterruptedException {
        Scenario loaded;
        FakeTiCdc fake;
        try {
            loaded = scenario == null ? null : scenario(scenario);
            // the scenario brings its captures unless --captures says otherwise (an error naming both)
            fake = FakeTiCdc.create(loaded, b -> Options.configure(this, b));
        } catch (IllegalArgumentException e) {
            err.println("fake-ticdc: " + TlsFlags.flagged(e.getMessage()));
            return 2;
        }
        FakeConfig config = fake.config();
        boolean loopback = loopback(config.host());
        if (!loopback) err.println("fake-ticdc: warning: listening on " + config.host() + ", reachable from other hosts");
        if (!loopback && config.controlApi() && config.controlToken() == null && !insecureControl) {
            err.println("fake-ticdc: the control API on a non-loopback address needs --control-token (or " + TOKEN_ENV
                    + "), --insecure-control or --no-control");
            return 2;
        }
        if (verbose && fake.requests() instanceof io.faketicdc.internal.journal.Journal journal) {
            journal.listen(r -> out.println(RequestLine.of(r)));
        }
        try {
            fake.start(); // and loads the scenario
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("fake-ticdc: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "fake-ticdc-shutdown"));
        Banner.print(out, fake, profile, loaded);
        if (config.tls() != null) TlsFlags.banner(out, fake);
        while (!fake.awaitClosed(Duration.ofHours(1))) {
            // serve until closed
        }
        return 0;
    }

    private static Scenario scenario(String s) {
        Path p = Path.of(s);
        if (Files.exists(p)) return Scenario.fromFile(p);
        if (s.contains("/") || s.endsWith(".json")) throw new IllegalArgumentException("no scenario file " + s);
        return Scenario.fromClasspath(s);
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The fake's own version, from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        static String fake() {
            String v = Main.class.getPackage().getImplementationVersion();
            return v == null ? "dev" : v;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"fake-ticdc " + fake()};
        }
    }

    static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--start-time must be an ISO-8601 instant such as 2026-08-20T08:00:00Z, got '" + s + "'");
        }
    }
}
