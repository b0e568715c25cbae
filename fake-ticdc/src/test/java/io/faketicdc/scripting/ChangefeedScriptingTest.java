package io.faketicdc.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.api.ApiTestBase;
import io.faketicdc.api.Http;
import io.faketicdc.internal.clock.Tso;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted changefeed transitions, observed through the HTTP API as a client sees them. */
class ChangefeedScriptingTest extends ApiTestBase {

    @BeforeEach
    void createChangefeed() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
    }

    private String state() {
        Http.Response r = get("/api/v2/changefeeds/cf/status");
        assertThat(r.status()).isEqualTo(200);
        return r.body().replaceAll(".*\"state\":\"([a-z]+)\".*", "$1");
    }

    private String listed() {
        return get("/api/v2/changefeeds?state=all").body();
    }

    @Test
    void theCheckpointFollowsTheClockWhileRunning() {
        fake.clock().advance(Duration.ofMinutes(10));
        long expected = Tso.compose(START.plus(Duration.ofMinutes(10)).toEpochMilli(), 0);
        assertThat(fake.changefeed("cf").checkpointTs()).isEqualTo(expected);
        assertThat(get("/api/v2/changefeeds/cf").body()).contains("\"checkpoint_ts\":" + expected)
                .contains("\"checkpoint_time\":\"2026-08-20 08:27:08.123\"");
    }

    @Test
    void aStoppedChangefeedsCheckpointStaysPut() {
        post("/api/v2/changefeeds/cf/pause", null);
        fake.clock().advance(Duration.ofMinutes(10));
        assertThat(fake.changefeed("cf").checkpointTs()).isEqualTo(START_TSO);
    }

    @Test
    void aLagKeepsTheCheckpointBehindTheClock() {
        fake.changefeed("cf").lag(Duration.ofSeconds(30));
        fake.clock().advance(Duration.ofMinutes(5));
        assertThat(fake.changefeed("cf").checkpointTs())
                .isEqualTo(Tso.compose(START.plus(Duration.ofSeconds(270)).toEpochMilli(), 0));
    }

    @Test
    void aRetryableErrorWalksPendingWarningNormalDrivenOnlyByTheClock() {
        fake.changefeed("cf").error("CDC:ErrKafkaNewProducer", "kafka: client has run out of available brokers");
        assertThat(state()).isEqualTo("pending");
        assertThat(listed()).contains("\"state\":\"warning\"").contains("\"code\":\"CDC:ErrKafkaNewProducer\"");
        assertThat(get("/api/v2/changefeeds/cf").body())
                .contains("\"error\":{\"addr\":\"127.0.0.1:" + fake.port() + "\",\"code\":\"CDC:ErrKafkaNewProducer\","
                        + "\"message\":\"kafka: client has run out of available brokers\"}");
        fake.clock().advance(Duration.ofMillis(50)); // the first retry comes on the next owner tick
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.WARNING);
        fake.clock().advance(Duration.ofMillis(50)); // the checkpoint moved on: back to normal
        assertThat(state()).isEqualTo("normal");
        assertThat(listed()).contains("\"error\":null");
    }

    @Test
    void aPersistentErrorBacksOffExponentiallyAndFailsAfterTheStuckDuration() {
        fake.changefeed("cf").keepFailing("CDC:ErrKafkaNewProducer", "kafka down");
        assertThat(state()).isEqualTo("pending");
        fake.clock().advance(Duration.ofMillis(50)); // immediate first retry, the error comes straight back
        assertThat(state()).isEqualTo("pending");
        fake.clock().advance(Duration.ofSeconds(17)); // next retry after ~20 s (+-10 %): not yet
        assertThat(state()).isEqualTo("pending");
        // retries at ~20, 60, 140, 300, 620, 1220 s...; the back-off stops once elapsed + next > 30 min
        fake.clock().advance(Duration.ofMinutes(17));
        assertThat(state()).isEqualTo("pending");
        fake.clock().advance(Duration.ofMinutes(15));
        assertThat(state()).isEqualTo("failed");
        assertThat(get("/api/v2/changefeeds/cf").body()).contains("\"state\":\"failed\"")
                .contains("\"code\":\"CDC:ErrKafkaNewProducer\"").contains("\"admin_job_type\":1");
    }

    @Test
    void recoveringDuringBackOffBringsItBackToNormalOnTheNextRetry() {
        fake.changefeed("cf").keepFailing("CDC:ErrKafkaNewProducer", "kafka down");
        fake.clock().advance(Duration.ofSeconds(1));
        fake.changefeed("cf").recover();
        fake.clock().advance(Duration.ofSeconds(30));
        assertThat(state()).isEqualTo("normal");
    }

    @Test
    void aFailFastErrorFailsAtOnceAndResumeClearsIt() {
        fake.changefeed("cf").error("CDC:ErrGCTTLExceeded", "gc ttl exceeded");
        assertThat(state()).isEqualTo("failed");
        assertThat(post("/api/v2/changefeeds/cf/resume", "{}").status()).isEqualTo(200);
        assertThat(state()).isEqualTo("normal");
        assertThat(fake.changefeed("cf").error()).isEmpty();
    }

    @Test
    void aStuckWarningFailsWithUnretryableAfterTheStuckDuration() {
        fake.changefeed("cf").stuck("CDC:ErrProcessorUnknown", "sink is slow");
        assertThat(state()).isEqualTo("warning");
        assertThat(listed()).contains("\"code\":\"CDC:ErrProcessorUnknown\"");
        fake.clock().advance(Duration.ofMinutes(29));
        assertThat(state()).isEqualTo("warning");
        fake.clock().advance(Duration.ofMinutes(2));
        assertThat(state()).isEqualTo("failed");
        assertThat(fake.changefeed("cf").error()).get().extracting(e -> e.code()).isEqualTo("CDC:ErrChangefeedUnretryable");
    }

    @Test
    void aWarningClearsOnceTheCheckpointMovesOn() {
        fake.changefeed("cf").warn("CDC:ErrProcessorUnknown", "slow");
        assertThat(state()).isEqualTo("warning");
        fake.clock().advance(Duration.ofSeconds(1));
        assertThat(state()).isEqualTo("normal");
        assertThat(fake.changefeed("cf").warning()).isPresent();
    }

    @Test
    void reachingTargetTsFinishesTheChangefeed() {
        long target = Tso.compose(START.plusSeconds(60).toEpochMilli(), 0);
        create("{\"changefeed_id\":\"t\",\"sink_uri\":\"blackhole://\",\"target_ts\":" + target + "}");
        fake.clock().advance(Duration.ofSeconds(59));
        assertThat(fake.changefeed("t").state()).isEqualTo(ChangefeedState.NORMAL);
        fake.clock().advance(Duration.ofSeconds(2));
        assertThat(get("/api/v2/changefeeds/t").body()).contains("\"admin_job_type\":4").contains("\"state\":\"finished\"")
                .contains("\"checkpoint_ts\":" + target);
        assertThat(get("/api/v2/changefeeds").body()).doesNotContain("\"id\":\"t\"");
    }

    @Test
    void aChangeCanWaitForClockTime() {
        fake.changefeed("cf").after(Duration.ofMinutes(5)).fail("CDC:ErrKafkaNewProducer", "gone");
        fake.clock().advance(Duration.ofMinutes(4));
        assertThat(state()).isEqualTo("normal");
        fake.clock().advance(Duration.ofMinutes(1));
        assertThat(state()).isEqualTo("failed");
    }

    @Test
    void aChangeCanBeVisibleOnTheThirdMatchingRequest() {
        fake.changefeed("cf").onRequest(3, "GET", "/api/v2/changefeeds/:changefeed_id/status").pause();
        assertThat(state()).isEqualTo("normal");
        get("/api/v2/changefeeds"); // does not match
        assertThat(state()).isEqualTo("normal");
        assertThat(state()).isEqualTo("stopped");
    }

    @Test
    void aTimingPathMayEndInACatchAll() {
        fake.changefeed("cf").onRequest(2, "GET", "/api/v2/changefeeds/*rest").pause();
        get("/api/v2/changefeeds"); // does not match
        assertThat(state()).isEqualTo("normal"); // the 1st match
        assertThat(state()).isEqualTo("stopped"); // the 2nd
    }
}
