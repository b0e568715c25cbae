package io.faketicdc.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JVM's first fake: its port listens the moment start returns, while the shared server starts
 * on a thread of its own; what it loads is only what a fake needs. Each case runs in a fresh JVM,
 * where the shared server's start is held by the test seam until the case lets it go.
 */
class FirstFakeOfAJvmTest {

    /** What the forked JVM runs: one case, by name; exits 0 when it holds. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            CountDownLatch gate = new CountDownLatch(1);
            SharedServer.startGate = gate;
            switch (args[0]) {
                case "answers-after-start" -> answersAfterStart(gate);
                case "closed-before-start" -> closedBeforeStart(gate);
                case "start-fails" -> startFails(gate);
                case "plain" -> {
                    gate.countDown();
                    try (FakeTiCdc fake = FakeTiCdc.create().start()) {
                        expect(request(fake.port()).startsWith("HTTP/1.1 200 "), "health answered 200");
                    }
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }

        private static void answersAfterStart(CountDownLatch gate) throws Exception {
            try (FakeTiCdc fake = FakeTiCdc.create().start()) {
                expect(SharedServer.ready() == null, "the shared server is held");
                try (Socket s = new Socket("127.0.0.1", fake.port())) {
                    // connected and sent while nothing serves the port yet: the request waits in the accept queue
                    s.setSoTimeout(30_000);
                    s.getOutputStream().write(HEALTH);
                    gate.countDown();
                    expect(read(s.getInputStream()).startsWith("HTTP/1.1 200 "), "the waiting request is answered 200");
                }
                expect(request(fake.port()).startsWith("HTTP/1.1 200 "), "a later request is answered 200");
            }
        }

        private static void closedBeforeStart(CountDownLatch gate) throws Exception {
            FakeTiCdc fake = FakeTiCdc.create().start();
            try (Socket s = new Socket("127.0.0.1", fake.port())) {
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                out.write(HEALTH);
                fake.close();
                gate.countDown();
                // refused, not left hanging: the read ends (reset or end of stream) with no answer
                String answer = answerOrNothing(s);
                expect(answer.isEmpty(), "no answer from a closed fake, got " + answer);
            }
            try (FakeTiCdc next = FakeTiCdc.create().start()) {
                expect(request(next.port()).startsWith("HTTP/1.1 200 "), "the next fake is served");
            }
        }

        private static void startFails(CountDownLatch gate) throws Exception {
            SharedServer.startFailure = new IllegalStateException("no Jetty today");
            FakeTiCdc first = FakeTiCdc.create().start();
            try (Socket s = new Socket("127.0.0.1", first.port())) {
                s.setSoTimeout(30_000);
                s.getOutputStream().write(HEALTH);
                gate.countDown();
                // the port closes when the server's start fails: no answer, and no hang
                String answer = answerOrNothing(s);
                expect(answer.isEmpty(), "no answer from a fake whose server could not start, got " + answer);
            }
            first.close();
            try {
                FakeTiCdc.create().start().close();
                throw new AssertionError("a later start succeeded");
            } catch (IllegalStateException expected) {
                expect(expected.getMessage().contains("no Jetty today"), "the cause is named: " + expected.getMessage());
            }
        }

        private static final byte[] HEALTH =
                "GET /api/v2/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8);

        private static String request(int port) throws Exception {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(30_000);
                s.getOutputStream().write(HEALTH);
                return read(s.getInputStream());
            }
        }

        /** What arrives until the end of the stream; nothing when the connection is reset. */
        private static String answerOrNothing(Socket s) throws Exception {
            try {
                return read(s.getInputStream());
            } catch (java.net.SocketException reset) {
                return "";
            }
        }

        private static String read(InputStream in) throws Exception {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        private static void expect(boolean holds, String what) {
            if (!holds) throw new AssertionError(what);
        }
    }

    @Test
    void a_request_sent_before_the_shared_server_has_started_waits_and_is_answered() throws Exception {
        fork("answers-after-start");
    }

    @Test
    void a_fake_closed_before_the_shared_server_has_started_refuses_the_clients_that_waited() throws Exception {
        fork("closed-before-start");
    }

    @Test
    void when_the_shared_server_cannot_start_the_first_fakes_clients_are_refused_and_later_starts_throw_the_cause()
            throws Exception {
        String output = fork("start-fails");
        assertThat(output).contains("fake-ticdc: the shared HTTP server could not start: java.lang.IllegalStateException: no Jetty today");
    }

    @Test
    void the_first_fake_starts_no_jmx_and_no_websocket_machinery() throws Exception {
        // Jetty would start the platform MBean server to size a queue's padding, and Javalin's
        // WebSocket servlet some 70 classes: a fake needs neither
        List<String> loaded = classesLoadedByAFirstFakeAndItsFirstAnswer();
        assertThat(loaded).as("-verbose:class lists classes").contains("io.faketicdc.FakeTiCdc");
        assertThat(loaded).noneMatch(c -> c.startsWith("javax.management.") || c.startsWith("java.lang.management."))
                .noneMatch(c -> c.startsWith("org.eclipse.jetty.websocket.") || c.startsWith("org.eclipse.jetty.ee10.websocket."));
    }

    @Test
    void the_first_request_of_a_jvm_goes_through_no_servlet_layer() throws Exception {
        // EngineHandler answers on Jetty's core API: no servlet channel, request, response or
        // output stream is made per connection or per request (Javalin's servlet context is kept off)
        List<String> loaded = classesLoadedByAFirstFakeAndItsFirstAnswer();
        assertThat(loaded).as("-verbose:class lists classes").contains("io.faketicdc.internal.server.EngineHandler");
        // (Javalin's servlet context class is still loaded, and with it what its verification needs)
        assertThat(loaded).doesNotContain("org.eclipse.jetty.ee10.servlet.ServletChannel",
                "org.eclipse.jetty.ee10.servlet.HttpOutput", "org.eclipse.jetty.ee10.servlet.ServletHandler$ChainEnd");
    }

    private static List<String> classesLoadedByAFirstFakeAndItsFirstAnswer() throws Exception {
        return Arrays.stream(fork("plain", "-verbose:class").split("\n"))
                .filter(l -> l.contains("[class,load]"))
                .map(l -> l.replaceAll(".*\\[class,load\\] (\\S+).*", "$1"))
                .collect(Collectors.toList());
    }

    private static String fork(String probe, String... jvmOptions) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", cp, Probe.class.getName(), probe));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
