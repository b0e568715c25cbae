package io.faketicdc.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.CaptureInfo;
import io.faketicdc.ChangefeedSeed;
import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeConfig;
import io.faketicdc.api.ApiTestBase;
import io.faketicdc.api.Http;
import io.faketicdc.script.CaptureAction;
import io.faketicdc.script.Step;
import io.faketicdc.script.Timing;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scripted capture and cluster changes, seeding and reset. */
class ClusterScriptingTest extends ApiTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(3);
    }

    @Test
    void theNextOwnerCanBeChosen() {
        fake.cluster().nextOwner(2).resignOwner();
        assertThat(fake.cluster().owner()).get().extracting(CaptureInfo::slot).isEqualTo(2);
        assertThat(get("/api/v2/captures").body()).contains("\"is_owner\":true,\"address\":\"127.0.0.1:" + fake.port(2));
    }

    @Test
    void aCrashedOwnerIsReplacedAtOnce() {
        fake.cluster().crash(0);
        assertThat(fake.cluster().owner()).get().extracting(CaptureInfo::slot).isEqualTo(1);
        assertThat(sendTo(1, "GET", "/api/v2/captures", null).body()).startsWith("{\"total\":2,");
    }

    @Test
    void aCaptureCanBeNotReadyForNRequests() {
        fake.cluster().notReadyFor(1, 2);
        assertThat(sendTo(1, "GET", "/api/v2/status", null).status()).isEqualTo(503);
        assertThat(sendTo(0, "GET", "/api/v2/status", null).status()).isEqualTo(200);
        assertThat(sendTo(1, "GET", "/api/v2/health", null).status()).isEqualTo(503);
        assertThat(sendTo(1, "GET", "/api/v2/status", null).status()).isEqualTo(200);
    }

    @Test
    void theClusterCanTurnUnhealthyLater() {
        fake.cluster().after(Duration.ofSeconds(30)).unhealthy(true);
        assertThat(get("/api/v2/health").status()).isEqualTo(200);
        fake.clock().advance(Duration.ofSeconds(30));
        assertThat(get("/api/v2/health").status()).isEqualTo(500);
    }

    @Test
    void aGracefulShutdownShowsLivenessOneAndGivesUpOwnership() {
        fake.cluster().beginGracefulShutdown(0);
        Http.Response status = get("/api/v2/status");
        assertThat(status.body()).contains("\"is_owner\": false").contains("\"liveness\": 1");
        assertThat(fake.cluster().owner()).get().extracting(CaptureInfo::slot).isEqualTo(1);
    }

    private int tablesOn(String captureId) {
        int n = 0;
        for (String cf : new String[] {"a", "b", "c"}) {
            String body = get("/api/v2/changefeeds/" + cf).body();
            int i = body.indexOf("{\"capture_id\":\"" + captureId + "\"");
            String entry = body.substring(i, body.indexOf('}', i));
            int open = entry.indexOf('[');
            if (open >= 0) n += entry.substring(open + 1, entry.indexOf(']')).split(",").length;
        }
        return n;
    }

    @Test
    void aGracefulShutdownDrainsTablesABatchPerRequestOrPerOwnerTick() {
        for (String cf : new String[] {"a", "b", "c"}) create("{\"changefeed_id\":\"" + cf + "\",\"sink_uri\":\"blackhole://\"}");
        String stopping = fake.cluster().capture(1).orElseThrow().id();
        assertThat(tablesOn(stopping)).isEqualTo(3);
        fake.cluster().drainBatch(1).beginGracefulShutdown(1);
        // the three GETs of one count are three requests: each moved one table before it was answered
        assertThat(tablesOn(stopping)).isLessThan(3);
        fake.clock().advance(Duration.ofMillis(200)); // four owner ticks
        assertThat(tablesOn(stopping)).isZero();
        assertThat(sendTo(1, "GET", "/api/v2/status", null).body()).contains("\"liveness\": 1");
    }

    @Test
    void aChangefeedCanBeSeededInAnyState() {
        fake.seed(ChangefeedSeed.builder("seeded").sinkUri("kafka://k:9092/t?protocol=canal-json")
                .state(ChangefeedState.FAILED).error("CDC:ErrSnapshotLostByGC", "snapshot lost").build());
        Http.Response r = get("/api/v2/changefeeds/seeded");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"state\":\"failed\"").contains("\"code\":\"CDC:ErrSnapshotLostByGC\"")
                .contains("\"sink_uri\":\"kafka://k:9092/t?protocol=canal-json\"");
        assertThat(get("/api/v2/changefeeds?state=failed").body()).startsWith("{\"total\":1,");
    }

    @Test
    void resetBringsTheFakeBackToItsInitialState() {
        String firstOwner = fake.cluster().owner().orElseThrow().id();
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        fake.cluster().stop(0);
        fake.clock().advance(Duration.ofHours(1));
        fake.reset();
        assertThat(get("/api/v2/changefeeds").body()).isEqualTo("{\"total\":0,\"items\":[]}");
        assertThat(fake.cluster().captures()).hasSize(3);
        assertThat(fake.cluster().owner().orElseThrow().id()).isEqualTo(firstOwner);
        assertThat(fake.clock().now()).isEqualTo(START);
    }

    @Test
    void aRequestForwardedToTheOwnerCountsOnceForScriptedTimings() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        fake.changefeed("cf").onRequest(2, "GET", "/api/v2/changefeeds/:changefeed_id").pause();
        assertThat(sendTo(1, "GET", "/api/v2/changefeeds/cf", null).body()).contains("\"state\":\"normal\"");
        assertThat(fake.changefeed("cf").snapshot().state()).isEqualTo(ChangefeedState.NORMAL);
        assertThat(sendTo(1, "GET", "/api/v2/changefeeds/cf", null).body()).contains("\"state\":\"stopped\"");
    }

    @Test
    void stopThenStartOfOneSlotInOneRunLeavesItsPortServing() {
        fake.run(new Step(Timing.now(),
                        CaptureAction.of(1, CaptureAction.Kind.STOP)),
                new Step(Timing.now(),
                        CaptureAction.of(1, CaptureAction.Kind.START)));
        assertThat(sendTo(1, "GET", "/api/v2/status", null).status()).isEqualTo(200);
        assertThat(fake.cluster().capture(1)).isPresent();
    }

    @Test
    void stopThenStartOfOneSlotOnARequestLeavesItsPortServing() {
        fake.run(new Step(Timing.onRequest(1, "GET", "/api/v2/health"),
                        CaptureAction.of(1, CaptureAction.Kind.STOP)),
                new Step(Timing.onRequest(1, "GET", "/api/v2/health"),
                        CaptureAction.of(1, CaptureAction.Kind.START)));
        assertThat(sendTo(0, "GET", "/api/v2/health", null).status()).isEqualTo(200);
        assertThat(sendTo(1, "GET", "/api/v2/status", null).status()).isEqualTo(200);
    }
}
