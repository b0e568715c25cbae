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
            assertThat(output).startsWith("fake-ticdc: could not bind 127.0.0.1:" + taken.getLocalPort());
            assertThat(output.lines()).hasSize(1);
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
}
