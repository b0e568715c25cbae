package io.faketicdc.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.faketicdc.readme.Docs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fenced {@code bash} block of README.md and docs/*.md marked {@code <!-- curl-check: ARGS -->}
 * runs verbatim: the standalone fake is started in this JVM with ARGS (on a free port, which replaces
 * {@code 127.0.0.1:8300} in the lines), the block's variable assignments are kept, and each
 * {@code curl} line is run with {@code bash -c} from the project root; it must exit 0 with an HTTP
 * status below 400. A line that starts the fake must show exactly {@code --addr 127.0.0.1:8300} and
 * ARGS. A line meant to fail ends with the comment {@code # curl-check: fails}. Every block with a
 * curl line must be marked, so no curl line of the docs goes unchecked.
 */
class CurlWalkthroughTest {
    private static final Pattern BLOCK = Pattern.compile("(<!-- curl-check:([^>]*)-->\\s*\\n)?```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Pattern START = Pattern.compile("^(fake-ticdc/bin/fake-ticdc|java -jar \\S+-standalone\\.jar)\\s+([^&#]*)");
    private static final String DOC_ADDR = "127.0.0.1:8300";
    /** Prints the HTTP status after the body, so a line that answered 4xx/5xx is caught although it runs curl -s. */
    private static final String CURL_WRAPPER = "curl() { command curl -w '\\n@@curl-check-status=%{http_code}\\n' \"$@\"; }\n";
    private static final Pattern STATUS = Pattern.compile("@@curl-check-status=(\\d{3})");

    record Walkthrough(String page, int line, List<String> args, List<String> lines) { }

    static List<Walkthrough> walkthroughs() {
        List<Walkthrough> out = new ArrayList<>();
        for (Path page : Docs.pages()) {
            String text = Docs.read(page);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                List<String> lines = Arrays.asList(m.group(3).split("\n"));
                boolean hasCurl = lines.stream().anyMatch(l -> l.strip().startsWith("curl "));
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                if (m.group(1) == null) {
                    assertThat(hasCurl).as(Docs.name(page) + ":" + line
                            + ": a bash block with curl lines needs a <!-- curl-check: ARGS --> marker").isFalse();
                    continue;
                }
                List<String> args = Arrays.stream(m.group(2).strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
                out.add(new Walkthrough(Docs.name(page), line, args, lines));
            }
        }
        return out;
    }

    @Test
    void theDocsHaveWalkthroughs() {
        assertThat(walkthroughs()).extracting(Walkthrough::page).contains("README.md", "docs/standalone.md");
    }

    @TestFactory
    Stream<DynamicTest> everyCurlLineRunsAgainstTheStartCommandShown() {
        return walkthroughs().stream().map(w -> DynamicTest.dynamicTest(w.page() + ":" + w.line(), () -> run(w)));
    }

    private static void run(Walkthrough w) throws Exception {
        for (String l : w.lines()) {
            Matcher start = START.matcher(l.strip());
            if (!start.find()) continue;
            List<String> shown = Arrays.stream(start.group(2).strip().split("\\s+")).toList();
            List<String> expected = new ArrayList<>(List.of("--addr", DOC_ADDR));
            expected.addAll(w.args());
            assertThat(shown).as(w.page() + ":" + w.line() + ": the start command shown runs the marker's arguments").isEqualTo(expected);
        }
        assumeThat(curlAvailable()).as("curl is not installed: the walk-throughs of the docs are not run").isTrue();

        List<String> args = new ArrayList<>(List.of("--addr", "127.0.0.1:0"));
        args.addAll(w.args());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> fake = CompletableFuture.supplyAsync(
                () -> Main.run(args.toArray(String[]::new), outStream, errStream));
        String base = awaitBaseUrl(out, err, fake);
        String addr = base.substring("http://".length());
        Path root = Docs.root();
        try {
            StringBuilder prelude = new StringBuilder(CURL_WRAPPER);
            for (String raw : w.lines()) {
                String l = raw.strip().replace(DOC_ADDR, addr);
                if (ASSIGNMENT.matcher(l).matches()) {
                    prelude.append(l).append('\n');
                    continue;
                }
                if (!l.startsWith("curl ")) continue;
                boolean meantToFail = l.endsWith("# curl-check: fails");
                ProcessBuilder pb = new ProcessBuilder("bash", "-c", prelude + l).directory(root.toFile()).redirectErrorStream(true);
                Process p = pb.start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("finished: " + raw).isTrue();
                Matcher status = STATUS.matcher(output);
                int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
                boolean ok = p.exitValue() == 0 && code > 0 && code < 400;
                assertThat(ok).as(w.page() + ": " + (meantToFail ? "meant to fail, but succeeded" : "failed") + " (exit "
                        + p.exitValue() + ", HTTP " + code + "):\n" + raw + "\n" + output).isEqualTo(!meantToFail);
            }
        } finally {
            if (!fake.isDone()) {
                try {
                    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/fake/v1/shutdown"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.discarding());
                } catch (IOException alreadyShutDown) {
                    // the block's own shutdown line got there first
                }
            }
            assertThat(fake.get(10, TimeUnit.SECONDS)).as("the fake's exit code; its errors: " + err).isZero();
        }
    }

    private static String awaitBaseUrl(ByteArrayOutputStream out, ByteArrayOutputStream err, CompletableFuture<Integer> fake)
            throws InterruptedException {
        Pattern serving = Pattern.compile("serving (http://\\S+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Matcher m = serving.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find() && out.toString(StandardCharsets.UTF_8).contains("control API")) return m.group(1);
            assertThat(fake.isDone()).as("the fake exited early: " + err.toString(StandardCharsets.UTF_8)).isFalse();
            Thread.sleep(10);
        }
        throw new AssertionError("the fake printed no banner: " + out + err);
    }

    private static boolean curlAvailable() {
        try {
            Process p = new ProcessBuilder("bash", "-c", "command -v curl").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
