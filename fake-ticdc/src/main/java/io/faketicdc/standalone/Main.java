package io.faketicdc.standalone;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar fake-ticdc-standalone.jar --addr 127.0.0.1:8300}: a thin shell around the engine. */
@Command(name = "fake-ticdc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Serves a fake TiCDC OpenAPI (v2) until stopped with Ctrl-C or SIGTERM.")
public final class Main implements Callable<Integer> {

    @Option(names = "--addr", defaultValue = "127.0.0.1:8300", description = "host:port to listen on (default: ${DEFAULT-VALUE})")
    String addr;

    @Option(names = "--profile", defaultValue = "master", description = "TiCDC to behave like: master or v7.3 (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--server-version", description = "version reported by the server (default: the profile's)")
    String serverVersion;

    @Option(names = "--seed", description = "seed for generated IDs (default: a fixed seed)")
    Long seed;

    @Option(names = "--captures", defaultValue = "1", description = "capture processes, on ports PORT..PORT+N-1 (default: ${DEFAULT-VALUE})")
    int captures;

    @Option(names = "--log-level", defaultValue = "warn", description = "log level of the fake itself: error, warn, info, debug (default: ${DEFAULT-VALUE})")
    String logLevel;

    public static void main(String[] args) {
        // quiet Jetty and Javalin unless asked; must happen before the first logger exists
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel(args));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        // Javalin logs a bind failure that our one-line error already explains
        System.setProperty("org.slf4j.simpleLogger.log.io.javalin.Javalin", "off");
        System.exit(run(args));
    }

    private static String logLevel(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--log-level=")) return args[i].substring("--log-level=".length());
            if (args[i].equals("--log-level") && i + 1 < args.length) return args[i + 1];
        }
        return "warn";
    }

    static int run(String[] args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        int colon = addr.lastIndexOf(':');
        if (colon < 0) throw new CommandLine.ParameterException(new CommandLine(this), "--addr must be host:port, got '" + addr + "'");
        String host = addr.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(addr.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--addr port is not a number: '" + addr + "'");
        }
        FakeConfig.Builder cfg = FakeConfig.builder().host(host).port(port)
                .profile(Profile.parse(profile)).tickingClock(true).captures(captures);
        if (serverVersion != null) cfg.serverVersion(serverVersion);
        if (seed != null) cfg.seed(seed);
        FakeTiCdc fake;
        try {
            fake = FakeTiCdc.create(cfg.build()).start();
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("fake-ticdc: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "fake-ticdc-shutdown"));
        System.out.println("fake-ticdc " + Version.fake() + " (TiCDC " + fake.config().effectiveVersion() + ", profile "
                + profile + ") serving " + fake.baseUrl());
        for (int slot = 1; slot < captures; slot++) System.out.println("  capture " + slot + " serving " + fake.baseUrl(slot));
        System.out.flush();
        stopped.await();
        return 0;
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
}
