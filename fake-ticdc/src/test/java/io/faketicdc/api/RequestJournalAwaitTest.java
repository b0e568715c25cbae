package io.faketicdc.api;

import static io.faketicdc.RecordedRequest.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.RecordedRequest;
import io.faketicdc.RequestNotReceivedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code requests().await(...)}: wait for a request without polling. */
class RequestJournalAwaitTest extends ApiTestBase {
    private static final String PAUSE = "/api/v2/changefeeds/:changefeed_id/pause";

    @Test
    void awaitReturnsARequestAlreadyRecorded() {
        get("/api/v2/status");
        post("/api/v2/changefeeds/cf1/pause", null);
        get("/api/v2/status");
        RecordedRequest r = fake.requests().await(matches("POST", PAUSE), Duration.ofMillis(10));
        assertThat(r.sequence()).isEqualTo(2);
    }

    @Test
    void awaitWaitsForARequestAnotherThreadSendsLater() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<RecordedRequest> awaited = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            return fake.requests().await("POST", PAUSE, Duration.ofSeconds(10));
        });
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        get("/api/v2/status");
        Thread.sleep(50); // let the waiter see the first, unmatching request
        assertThat(awaited).isNotDone();
        post("/api/v2/changefeeds/cf9/pause", null);
        RecordedRequest r = awaited.get(10, TimeUnit.SECONDS);
        assertThat(r.path()).isEqualTo("/api/v2/changefeeds/cf9/pause");
        assertThat(r.sequence()).isEqualTo(2);
    }

    @Test
    void awaitOnlySeesRequestsSinceTheLastClear() {
        post("/api/v2/changefeeds/cf1/pause", null);
        fake.requests().clear();
        assertThatThrownBy(() -> fake.requests().await("POST", PAUSE, Duration.ofMillis(50)))
                .isInstanceOf(RequestNotReceivedException.class);
    }

    @Test
    void awaitTimesOutWithAMessageListingWhatWasReceived() {
        get("/api/v2/status");
        get("/api/v2/nope");
        long start = System.nanoTime();
        assertThatThrownBy(() -> fake.requests().await(matches("POST", PAUSE), Duration.ofMillis(200)))
                .isInstanceOf(RequestNotReceivedException.class)
                .isInstanceOf(AssertionError.class)
                .hasMessage("no request matching POST " + PAUSE + " within PT0.2S; received:\n"
                        + "#1 GET /api/v2/status -> 200 (server status)\n"
                        + "#2 GET /api/v2/nope -> 404");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void awaitWithNothingReceivedSaysSo() {
        assertThatThrownBy(() -> fake.requests().await(r -> false, Duration.ofMillis(20)))
                .hasMessageEndingWith("received:\n(no requests)");
    }
}
