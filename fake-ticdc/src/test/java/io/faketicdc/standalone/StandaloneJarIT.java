package io.faketicdc.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.api.Http;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shaded jar started as a real process, as a user starts it. */
class StandaloneJarIT {
    private static final Pattern URL = Pattern.compile("serving (http://127\\.0\\.0\\.1:(\\d+))");

    private static Process start(String... args) throws IOException {
        String jar = System.getProperty("standalone.jar");
        assertThat(new File(jar)).as("the standalone jar is built by `package`").exists();
        String java = System.getProperty("java.home") + "/bin/java";
        String[] cmd = new String[args.length + 3];
        cmd[0] = java;
        cmd[1] = "-jar";
        cmd[2] = jar;
        System.arraycopy(args, 0, cmd, 3, args.length);
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void theJarServesTheApiPrintsItsUrlAndStopsCleanlyOnSigterm() throws Exception {
        Process p = start("--addr", "127.0.0.1:0");
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String banner = out.readLine();
        Matcher m = URL.matcher(banner);
        assertThat(m.find()).as(banner).isTrue();
        int port = Integer.parseInt(m.group(2));

        Http.Response list = Http.send(port, "GET", "/api/v2/changefeeds", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"total\":0,\"items\":[]}");
        Http.Response created = Http.send(port, "POST", "/api/v2/changefeeds",
                "{\"changefeed_id\":\"test5\",\"sink_uri\":\"blackhole://\"}",
                "'Content-type':'application/json'", "Content-Type: application/x-www-form-urlencoded");
        assertThat(created.status()).as(created.body()).isEqualTo(200);

        p.destroy(); // SIGTERM
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isIn(0, 143);
    }

    @Test
    void theLauncherRecordsAClassArchiveOnItsFirstRunAndStartsFromItOnTheNext(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path jar = dir.resolve("fake-ticdc-standalone.jar");
        java.nio.file.Files.copy(java.nio.file.Path.of(System.getProperty("standalone.jar")), jar);
        java.nio.file.Path archive = dir.resolve("fake-ticdc-standalone.jsa");
        java.nio.file.Path script = java.nio.file.Path.of("bin/fake-ticdc").toAbsolutePath();
        for (int run = 1; run <= 2; run++) {
            ProcessBuilder pb = new ProcessBuilder(script.toString(), "--addr", "127.0.0.1:0").redirectErrorStream(true);
            pb.environment().put("FAKE_TICDC_JAR", jar.toString());
            pb.environment().put("PATH", System.getProperty("java.home") + "/bin:" + System.getenv("PATH"));
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String banner = out.readLine();
            Matcher m = URL.matcher(String.valueOf(banner));
            assertThat(m.find()).as("run %d printed %s", run, banner).isTrue();
            int port = Integer.parseInt(m.group(2));
            assertThat(Http.send(port, "GET", "/api/v2/health", null).status()).isEqualTo(200);
            Http.send(port, "POST", "/fake/v1/shutdown", null, "Content-Type: application/json"); // the first run writes the archive as the JVM exits
            StringBuilder rest = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) rest.append(line).append('\n');
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(rest.toString()).as("nothing but the banner on run %d", run).doesNotContain("warning").doesNotContain("error");
            assertThat(archive).as("after run %d", run).isNotEmptyFile();
        }
    }

    @Test
    void theLauncherRecordsNoClassArchiveWhenItRunsTheConformanceKit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path jar = dir.resolve("fake-ticdc-standalone.jar");
        java.nio.file.Files.copy(java.nio.file.Path.of(System.getProperty("standalone.jar")), jar);
        ProcessBuilder pb = new ProcessBuilder(java.nio.file.Path.of("bin/fake-ticdc").toAbsolutePath().toString(), "verify", "--list")
                .redirectErrorStream(true);
        pb.environment().put("FAKE_TICDC_JAR", jar.toString());
        pb.environment().put("PATH", System.getProperty("java.home") + "/bin:" + System.getenv("PATH"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(dir.resolve("fake-ticdc-standalone.jsa")).as("the archive is left for a server run").doesNotExist();
    }

    @Test
    void theLauncherSaysHowToBuildTheJarWhenThereIsNone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java.nio.file.Path.of("bin/fake-ticdc").toAbsolutePath().toString()).redirectErrorStream(true);
        pb.environment().put("FAKE_TICDC_JAR", dir.resolve("missing.jar").toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output).startsWith("fake-ticdc: no standalone jar").contains("mvn -B -q package -DskipTests");
    }

    @Test
    void withCapturesNEveryCaptureServesOnItsOwnPort() throws Exception {
        Process p = start("--addr", "127.0.0.1:0", "--captures", "3");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int[] ports = new int[3];
            for (int i = 0; i < 3; i++) {
                Matcher m = URL.matcher(out.readLine());
                assertThat(m.find()).isTrue();
                ports[i] = Integer.parseInt(m.group(2));
            }
            String captures = Http.send(ports[2], "GET", "/api/v2/captures", null).body();
            assertThat(captures).startsWith("{\"total\":3,");
            for (int port : ports) assertThat(captures).contains("\"address\":\"127.0.0.1:" + port + "\"");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPortInUseIsReportedInOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Process p = start("--addr", "127.0.0.1:" + taken.getLocalPort());
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(output).startsWith("fake-ticdc: could not bind 127.0.0.1:" + taken.getLocalPort())
                    .endsWith("Address already in use");
            assertThat(output.lines()).hasSize(1);
        }
    }

    /** Runs the jar to completion and returns what it printed (stdout and stderr). */
    private static String runToEnd(int expectedExit, String... args) throws Exception {
        Process p = start(args);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(expectedExit);
        return output;
    }

    private static int firstPort(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Matcher m = URL.matcher(out.readLine());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(2));
    }

    @Test
    void aBadFlagIsOneLine() throws Exception {
        String out = runToEnd(2, "--captures", "two");
        assertThat(out.lines()).hasSize(1);
        assertThat(out).startsWith("fake-ticdc: ").contains("--captures").endsWith("(see --help)");
        assertThat(runToEnd(2, "--clock", "fast")).isEqualTo("fake-ticdc: --clock must be ticking or manual, got 'fast'");
        assertThat(runToEnd(2, "--addr", "localhost")).isEqualTo("fake-ticdc: --addr must be host:port, got 'localhost'");
        assertThat(runToEnd(2, "--user", "root")).isEqualTo("fake-ticdc: --user must be NAME:PASSWORD, got 'root'");
        assertThat(runToEnd(2, "--client-user-required"))
                .isEqualTo("fake-ticdc: --client-user-required needs at least one --user NAME:PASSWORD");
        assertThat(runToEnd(2, "--pd-addrs", "http://127.0.0.1:2379,pd:2379")).isEqualTo(
                "fake-ticdc: --pd-addrs: 'pd:2379' is not an http or https URL (e.g. http://127.0.0.1:2379)");
        assertThat(runToEnd(2, "--sink-check", "maybe")).isEqualTo("fake-ticdc: --sink-check must be accept or dial, got 'maybe'");
    }

    @Test
    void sinkCheckDialRefusesASinkNobodyListensOn() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Process p = start("--addr", "127.0.0.1:0", "--sink-check", "dial");
        try {
            int port = firstPort(p);
            String body = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"mysql://127.0.0.1:" + closed + "/\"}";
            Http.Response r = Http.send(port, "POST", "/api/v2/changefeeds", body);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("[CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp 127.0.0.1:"
                    + closed + ": connect: connection refused");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void clientUserRequiredAsksTheChangingRoutesForCredentials() throws Exception {
        Process p = start("--addr", "127.0.0.1:0", "--client-user-required", "--user", "root:secret");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = URL.matcher(out.readLine());
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(2));
            String body = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}";
            assertThat(Http.send(port, "POST", "/api/v2/changefeeds", body).status()).isEqualTo(401);
            assertThat(Http.send(port, "POST", "/api/v2/changefeeds", body, "Authorization: Basic "
                    + java.util.Base64.getEncoder().encodeToString("root:secret".getBytes(StandardCharsets.UTF_8))).status())
                    .isEqualTo(200);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tlsSelfSignedServesHttpsToAClientTrustingTheCaTheBannerNames() throws Exception {
        Process p = start("--addr", "127.0.0.1:0", "--tls", "self-signed");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = Pattern.compile("serving (https://127\\.0\\.0\\.1:\\d+)").matcher(String.valueOf(out.readLine()));
            assertThat(m.find()).isTrue();
            assertThat(out.readLine()).contains("control API");
            Matcher ca = Pattern.compile("  https, self-signed; CA: (\\S+)").matcher(String.valueOf(out.readLine()));
            assertThat(ca.matches()).isTrue();
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(java.nio.file.Files.newInputStream(java.nio.file.Path.of(ca.group(1)))));
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newBuilder().sslContext(ssl).build().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1) + "/api/v2/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBadScenarioFileNamesTheLineAndField() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("scenario", ".json");
        java.nio.file.Files.writeString(f, "{\n  \"steps\": [\n    {\"cluster\": \"REBOOT\"}\n  ]\n}\n");
        String out = runToEnd(2, "--addr", "127.0.0.1:0", "--scenario", f.toString());
        assertThat(out).isEqualTo("fake-ticdc: " + f + ":3: steps[0].cluster: unknown value 'REBOOT' "
                + "(expected one of RESIGN_OWNER, UNHEALTHY, HEALTHY, ADD_CAPTURE)");
    }

    @Test
    void flagsShapeTheClusterAndTheControlApiDrivesAManualClock() throws Exception {
        Process p = start("--addr", "127.0.0.1:0", "--captures", "3", "--scenario", "flaky-owner", "--clock", "manual",
                "--start-time", "2026-08-20T08:00:00Z", "--server-version", "v8.1.0", "--cluster-id", "east",
                "--profile", "v7.3", "--seed", "9");
        try {
            int port = firstPort(p);
            String status = Http.send(port, "GET", "/api/v2/status", null).body();
            assertThat(status).contains("\"version\": \"v8.1.0\"").contains("\"cluster_id\": \"east\"");
            assertThat(Http.send(port, "GET", "/fake/v1/clock", null).body()).contains("2026-08-20T08:00:00Z");
            assertThat(Http.send(port, "POST", "/fake/v1/clock", "{\"advance\":\"90s\"}", "Content-Type: application/json").body())
                    .contains("2026-08-20T08:01:30Z");
            assertThat(Http.send(port, "GET", "/api/v2/changefeeds", null).body()).contains("\"id\":\"orders\"");
            assertThat(Http.send(port, "POST", "/fake/v1/shutdown", "", "Content-Type: application/json").status()).isEqualTo(200);
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aScenarioBringsItsCapturesAndAConflictingCountNamesBoth() throws Exception {
        Process p = start("--addr", "127.0.0.1:0", "--scenario", "rolling-upgrade");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher first = URL.matcher(out.readLine());
            assertThat(first.find()).isTrue();
            int port = Integer.parseInt(first.group(2));
            assertThat(Http.send(port, "GET", "/api/v2/captures", null).body()).startsWith("{\"total\":3,");
            assertThat(Http.send(port, "GET", "/api/v2/changefeeds", null).body()).startsWith("{\"total\":3,");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(runToEnd(2, "--addr", "127.0.0.1:0", "--captures", "2", "--scenario", "rolling-upgrade"))
                .isEqualTo("fake-ticdc: scenario rolling-upgrade needs 3 captures, but 2 were asked for: leave the count"
                        + " out to take the scenario's, or make it 3");
    }

    @Test
    void verbosePrintsOneLinePerRequestWithItsFaultAndForwarding() throws Exception {
        Process p = start("--addr", "127.0.0.1:0", "--captures", "2", "--clock", "manual", "--start-time",
                "2026-08-20T08:00:00Z", "--verbose");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher first = URL.matcher(out.readLine());
            assertThat(first.find()).isTrue();
            int port = Integer.parseInt(first.group(2));
            Matcher second = URL.matcher(out.readLine());
            assertThat(second.find()).isTrue();
            int port1 = Integer.parseInt(second.group(2));
            assertThat(out.readLine()).contains("control API");
            Http.send(port, "POST", "/fake/v1/faults", "{\"id\":\"etcd\",\"route\":\"get changefeed\",\"effect\":"
                    + "{\"kind\":\"error\",\"status\":500,\"code\":\"CDC:ErrEtcdTryAgain\",\"message\":\"timeout\"}}",
                    "Content-Type: application/json");
            Http.send(port1, "GET", "/api/v2/changefeeds?state=normal", null);
            Http.send(port, "GET", "/api/v2/changefeeds/cf", null);

            String line = "\\d+\\.\\d ms";
            assertThat(out.readLine()).as("control requests are not journaled; capture 1 forwards to the owner")
                    .matches("08:00:00\\.000 capture 1 GET /api/v2/changefeeds\\?state=normal -> 200 " + line
                            + " forwarded to capture 0");
            assertThat(out.readLine()).matches("08:00:00\\.000 capture 0 GET /api/v2/changefeeds/cf -> 500 " + line
                    + " fault etcd \\(error\\)");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnknownLogLevelIsRefusedWithTheLevelsThereAre() throws Exception {
        assertThat(runToEnd(2, "--addr", "127.0.0.1:0", "--log-level", "loud"))
                .isEqualTo("fake-ticdc: --log-level must be one of off, error, warn, info, debug, trace, got 'loud'");
    }

    @Test
    void withNoControlTheControlPathsAreTiCdc404s() throws Exception {
        Process p = start("--addr", "127.0.0.1:0", "--no-control");
        try {
            int port = firstPort(p);
            assertThat(Http.send(port, "GET", "/fake/v1/state", null).status()).isEqualTo(404);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNonLoopbackAddressWarnsAndNeedsAControlToken() throws Exception {
        String refused = runToEnd(2, "--addr", "0.0.0.0:0");
        assertThat(refused).contains("fake-ticdc: warning: listening on 0.0.0.0")
                .contains("the control API on a non-loopback address needs --control-token");
        Process p = start("--addr", "0.0.0.0:0", "--control-token", "t0k");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).contains("warning: listening on 0.0.0.0");
            Matcher m = Pattern.compile("serving http://0\\.0\\.0\\.0:(\\d+)").matcher(out.readLine());
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            assertThat(Http.send(port, "GET", "/fake/v1/state", null).status()).isEqualTo(401);
            assertThat(Http.send(port, "GET", "/fake/v1/state", null, "Authorization: Bearer t0k").status()).isEqualTo(200);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void versionAndHelpAreAnswered() throws Exception {
        Process v = start("--version");
        assertThat(new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("fake-ticdc ");
        assertThat(v.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Process h = start("--help");
        assertThat(new String(h.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--addr");
        assertThat(h.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void verifyRunsTheKitAgainstARunningFakeAndWritesAJunitReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Process fake = start("--addr", "127.0.0.1:0", "--profile", "v7.3");
        try {
            Matcher m = URL.matcher(new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8)).readLine());
            assertThat(m.find()).isTrue();
            java.nio.file.Path junit = dir.resolve("verify.xml");
            Process verify = start("verify", "--target", m.group(1), "--profile", "v7.3", "--report-junit", junit.toString());
            String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(verify.exitValue()).as(output).isZero();
            assertThat(output.lines().reduce((a, b) -> b).orElseThrow()).matches("\\d+ passed, 0 failed, \\d+ skipped");
            assertThat(junit).content().startsWith("<?xml").contains("failures=\"0\"");
            assertThat(Http.send(Integer.parseInt(m.group(2)), "GET", "/api/v2/changefeeds", null).body()).isEqualTo("{\"total\":0,\"items\":[]}");
        } finally {
            fake.destroy();
            fake.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
