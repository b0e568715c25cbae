package io.faketicdc.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.api.ApiTestBase;
import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: headless Chromium dumps the DOM after the page's JavaScript ran. Runs
 * when {@code fake-ticdc.chromium} names the binary (the build's {@code chromium} profile sets it
 * when {@code /usr/bin/chromium} exists; {@code .ci/install-browser} installs it). With
 * {@code -Dfake-ticdc.ui.screenshot=/tmp/ui.png} it also saves a screenshot of the live page.
 */
@EnabledIfSystemProperty(named = "fake-ticdc.chromium", matches = ".+")
class TimelineBrowserTest extends ApiTestBase {
    @TempDir
    Path tmp;

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.controlApi(true).captures(3);
    }

    @BeforeEach
    void someTraffic() {
        create("{\"changefeed_id\":\"orders-to-kafka\",\"sink_uri\":\"blackhole://\"}");
        fake.clock().advance(Duration.ofSeconds(3));
        create("{\"changefeed_id\":\"audit-log\",\"sink_uri\":\"blackhole://\"}");
        fake.changefeed("audit-log").lag(Duration.ofMinutes(4));
        fake.clock().advance(Duration.ofMinutes(10));
        fake.changefeed("orders-to-kafka").fail("CDC:ErrSnapshotLostByGC", "snapshot lost by GC");
        fake.faults().add(FaultRule.on("pause changefeed").id("flaky-pause")
                .respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out")));
        fake.clock().advance(Duration.ofSeconds(2));
        post("/api/v2/changefeeds/audit-log/pause", null);
        fake.clock().advance(Duration.ofSeconds(1));
        sendTo(2, "GET", "/api/v2/changefeeds", null);
        get("/api/v2/changefeeds/missing");
    }

    @Test
    void theLivePageShowsCapturesChangefeedsAndTheJournalOnceItsScriptPolled() throws Exception {
        String dom = chromium(fake.baseUrl() + "/fake/ui");

        assertThat(dom).contains("live, updated");
        assertRendered(dom);
        String shot = System.getProperty("fake-ticdc.ui.screenshot", "");
        if (!shot.isBlank()) chromium("--screenshot=" + Path.of(shot).toAbsolutePath(), "--window-size=1280,800",
                fake.baseUrl() + "/fake/ui");
    }

    @Test
    void theSnapshotFileRendersTheSameFromAFileUrl() throws Exception {
        Path file = tmp.resolve("timeline.html");
        Files.writeString(file, fake.timelineHtml(), StandardCharsets.UTF_8);
        fake.close(); // the file needs no fake

        String dom = chromium(file.toUri().toString());

        assertThat(dom).contains("snapshot of");
        assertRendered(dom);
    }

    private void assertRendered(String dom) {
        assertThat(count(dom, "<tr class=\"capture\">")).isEqualTo(3);
        assertThat(count(dom, "<tr class=\"changefeed\">")).isEqualTo(2);
        assertThat(count(dom, "<tr class=\"request\">")).isEqualTo(5);
        assertThat(dom).contains("127.0.0.1:" + fake.port(0)).contains("\u2605 owner")
                .contains("<span class=\"alive\">alive</span>")
                .contains("orders-to-kafka").contains("<span class=\"failed\">failed</span>")
                .contains("4.0 min")
                .contains("\u26a1 fault flaky-pause \u2192 error")
                .contains("forwarded to owner (slot 0)")
                .contains("GET /api/v2/changefeeds/missing");
        assertThat(count(dom, "<i class=\"s")).as("one mark per request on the axis").isEqualTo(5);
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("fake-ticdc.chromium"), "--headless",
                "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"),
                // virtual time waits for the page's fetches before the DOM is dumped
                "--virtual-time-budget=3000"));
        if (args.length == 1) command.add("--dump-dom");
        command.addAll(List.of(args));
        Path out = tmp.resolve("out-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s: " + command);
        }
        assertThat(p.exitValue()).as("chromium's exit status").isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
