package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Journal reads over the control API are paged and bounded; waits are capped and hold no thread. */
class BoundedControlReadsTest {
    private FakeTiCdc fake;

    @BeforeEach
    void start() {
        fake = FakeTiCdc.create(cfg -> cfg.controlApi(true)).start();
        for (int i = 0; i < 5; i++) Http.send(fake.port(), "GET", "/api/v2/status", null);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theJournalIsReadAPageAtATimeFromASequenceNumberOn() {
        Http.Response first = Http.send(fake.port(), "GET", "/fake/v1/requests?limit=2", null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(sequences(first.body())).containsExactly(1L, 2L);
        assertThat(first.header("Fake-Next-Since")).isEqualTo("2");
        assertThat(first.header("Fake-More")).isEqualTo("true");

        Http.Response rest = Http.send(fake.port(), "GET", "/fake/v1/requests?since=2", null);
        assertThat(sequences(rest.body())).containsExactly(3L, 4L, 5L);
        assertThat(rest.header("Fake-Next-Since")).isEqualTo("5");
        assertThat(rest.header("Fake-More")).isNull();
    }

    @Test
    void pagingParametersAreCheckedAndNamed() {
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/requests?limit=0", null).body()).contains("limit: expected 1 to 10000");
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/requests?limit=100001", null).status()).isEqualTo(400);
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/requests?since=x", null).body())
                .contains("since: expected a whole number, got 'x'");
    }

    @Test
    void aWaitLongerThanAMinuteIsRefused() {
        Http.Response r = Http.send(fake.port(), "GET", "/fake/v1/requests/wait?method=DELETE&timeout=24h", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("timeout: at most 60s, got 24h");
    }

    @Test
    void abandonedWaitsHoldNoServerThread() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket("127.0.0.1", fake.port());
                OutputStream out = s.getOutputStream();
                out.write(("GET /fake/v1/requests/wait?method=DELETE&timeout=30s HTTP/1.1\r\nHost: 127.0.0.1:" + fake.port()
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                clients.add(s);
            }
            io.faketicdc.internal.journal.Journal journal = (io.faketicdc.internal.journal.Journal) fake.requests();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> journal.pendingWaits() == 40);
            assertThat(threadsWaitingInTheJournal()).as("server threads parked in a journal wait").isZero();
        } finally {
            for (Socket s : clients) s.close();
        }
    }

    @Test
    void aWaitIsAnsweredWhenItsRequestArrives() throws Exception {
        java.util.concurrent.CompletableFuture<Http.Response> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Http.send(fake.port(), "GET", "/fake/v1/requests/wait?method=DELETE&timeout=30s", null));
        Http.send(fake.port(), "DELETE", "/api/v2/changefeeds/nope", null);
        Http.Response r = waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"method\" : \"DELETE\"");
    }

    private static long threadsWaitingInTheJournal() {
        return Thread.getAllStackTraces().values().stream().filter(stack -> Arrays.stream(stack)
                .anyMatch(e -> e.getClassName().endsWith("internal.journal.Journal") && e.getMethodName().startsWith("await")))
                .count();
    }

    private static List<Long> sequences(String json) {
        List<Long> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"sequence\" : (\\d+)").matcher(json);
        while (m.find()) out.add(Long.parseLong(m.group(1)));
        return out;
    }
}
