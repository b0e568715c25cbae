package io.faketicdc.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.api.ApiTestBase;
import io.faketicdc.api.Http;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The control API, end to end over HTTP, one operation per test. */
class ControlApiTest extends ApiTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.controlApi(true).captures(2);
    }

    /** Every request says it is JSON, as the control API requires of a mutating one. */
    @Override
    protected Http.Response send(String method, String target, String body, String... headers) {
        return super.send(method, target, body, json(headers));
    }

    @Override
    protected Http.Response sendTo(int slot, String method, String target, String body, String... headers) {
        return super.sendTo(slot, method, target, body, json(headers));
    }

    @Override
    protected Http.Response post(String target, String body) {
        return send("POST", target, body);
    }

    @Override
    protected Http.Response delete(String target) {
        return send("DELETE", target, null);
    }

    private static String[] json(String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 1);
        all[headers.length] = "Content-Type: application/json";
        return all;
    }

    @Test
    void stateShowsClockCapturesAndChangefeeds() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        Http.Response r = get("/fake/v1/state");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).contains("\"now\" : \"2026-08-20T08:17:08.123Z\"").contains("\"isOwner\" : true")
                .contains("\"id\" : \"cf\"").contains("\"state\" : \"normal\"").contains("\"checkpointTs\" : " + START_TSO);
    }

    @Test
    void theClockAdvancesAndIsSet() {
        assertThat(post("/fake/v1/clock", "{\"advance\":\"1h30m\"}").body()).contains("2026-08-20T09:47:08.123Z");
        assertThat(post("/fake/v1/clock", "{\"set\":\"2027-01-01T00:00:00Z\"}").body()).contains("2027-01-01T00:00:00Z");
        assertThat(post("/fake/v1/clock", "{\"advance\":\"soon\"}").status()).isEqualTo(400);
    }

    @Test
    void stepsScriptTheClusterAndChangefeeds() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        Http.Response r = post("/fake/v1/steps", "[{\"changefeed\":\"cf\",\"kind\":\"FAIL\",\"code\":\"CDC:ErrSnapshotLostByGC\","
                + "\"message\":\"lost\"},{\"cluster\":\"RESIGN_OWNER\"}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(get("/api/v2/changefeeds/cf").body()).contains("\"state\":\"failed\"");
        assertThat(get("/api/v2/captures").body()).contains("\"is_owner\":true,\"address\":\"127.0.0.1:" + fake.port(1));
    }

    @Test
    void stopThenStartOfOneSlotInOneBatchLeavesItsPortServing() {
        Http.Response r = post("/fake/v1/steps", "[{\"capture\":1,\"kind\":\"STOP\"},{\"capture\":1,\"kind\":\"START\"}]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(sendTo(1, "GET", "/api/v2/status", null).status()).isEqualTo(200);
        assertThat(get("/fake/v1/state").body()).contains("\"slot\" : 1,");
    }

    @Test
    void stopThenStartOfTheSlotServingTheBatchLeavesItsPortServing() {
        // the batch's own connection ends with the process; the new process serves the port again
        try {
            sendTo(1, "POST", "/fake/v1/steps", "[{\"capture\":1,\"kind\":\"STOP\"},{\"capture\":1,\"kind\":\"START\"}]");
        } catch (IllegalStateException connectionEnded) {
            // the answer may be lost with the old process
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> fake.cluster().capture(1).isPresent());
        assertThat(sendTo(1, "GET", "/api/v2/status", null).status()).isEqualTo(200);
    }

    @Test
    void aStepAddsACaptureWhosePortServesTheApiAndTheControlApi() {
        Http.Response r = post("/fake/v1/steps", "{\"cluster\":\"add-capture\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"slot\" : 2,").contains("\"url\" : \"http://127.0.0.1:" + fake.port(2) + "\"");
        assertThat(sendTo(2, "GET", "/api/v2/captures", null).body()).startsWith("{\"total\":3,");
        assertThat(sendTo(2, "GET", "/fake/v1/state", null).status()).isEqualTo(200);
    }

    @Test
    void aBadStepIsA400ThatNamesTheField() {
        Http.Response r = post("/fake/v1/steps", "{\n\"capture\": 0,\n\"kind\": \"EXPLODE\"\n}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("request body:3: kind: unknown value 'EXPLODE'");
    }

    @Test
    void changefeedsCanBeSeededAndRead() {
        assertThat(post("/fake/v1/changefeeds", "{\"id\":\"s\",\"state\":\"stopped\"}").status()).isEqualTo(200);
        assertThat(get("/fake/v1/changefeeds/s").body()).contains("\"state\" : \"stopped\"");
        assertThat(get("/api/v2/changefeeds/s").body()).contains("\"state\":\"stopped\"");
        assertThat(get("/fake/v1/changefeeds/none").status()).isEqualTo(409);
    }

    @Test
    void aScenarioLoadsOverHttp() {
        Http.Response r = post("/fake/v1/scenario", "{\"changefeeds\":[{\"id\":\"a\"},{\"id\":\"b\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(get("/api/v2/changefeeds").body()).startsWith("{\"total\":2,");
    }

    @Test
    void theJournalIsReadClearedAndAwaited() throws Exception {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        String journal = get("/fake/v1/requests?method=POST&path=/api/v2/changefeeds").body();
        assertThat(journal).contains("\"operation\" : \"create changefeed\"").doesNotContain("/fake/v1");
        assertThat(send("DELETE", "/fake/v1/requests", null).status()).isEqualTo(200);
        assertThat(get("/fake/v1/requests").body()).isEqualTo("[ ]");
        CompletableFuture<Http.Response> waiting = CompletableFuture.supplyAsync(
                () -> get("/fake/v1/requests/wait?method=POST&path=/api/v2/changefeeds/:changefeed_id/pause&timeout=10s"));
        Thread.sleep(200);
        post("/api/v2/changefeeds/cf/pause", null);
        Http.Response got = waiting.get(10, TimeUnit.SECONDS);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).contains("\"operation\" : \"pause changefeed\"");
        assertThat(get("/fake/v1/requests/wait?method=DELETE&timeout=100ms").status()).isEqualTo(408);
    }

    @Test
    void faultsAreAddedListedAndRemovedOverHttp() {
        Http.Response added = post("/fake/v1/faults", "[{\"id\":\"etcd\",\"route\":\"list changefeeds\","
                + "\"schedule\":{\"kind\":\"FIRST_N\",\"n\":1},\"effect\":{\"kind\":\"error\",\"status\":500,"
                + "\"code\":\"CDC:ErrEtcdTryAgain\",\"message\":\"etcdserver: request timed out\"}},"
                + "{\"kind\":\"sticky-owner\"}]");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("\"added\" : [ \"etcd\"").contains("\"kind\" : \"sticky-owner\"");
        assertError(get("/api/v2/changefeeds"), 500, "CDC:ErrEtcdTryAgain", "[CDC:ErrEtcdTryAgain]etcdserver: request timed out");
        assertThat(get("/api/v2/changefeeds").status()).isEqualTo(200);
        assertThat(get("/fake/v1/faults").body()).contains("\"id\" : \"etcd\"");
        assertThat(send("DELETE", "/fake/v1/faults/etcd", null).status()).isEqualTo(200);
        assertThat(send("DELETE", "/fake/v1/faults/etcd", null).status()).isEqualTo(409);
        assertThat(send("DELETE", "/fake/v1/faults", null).body()).contains("\"rules\" : [ ]");
    }

    @Test
    void aBadFaultIsA400NamingIt() {
        Http.Response r = post("/fake/v1/faults", "{\"route\":\"create changefeed\",\"effect\":{\"kind\":\"explode\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("not a valid fault rule");
    }

    @Test
    void resetClearsEverything() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        assertThat(post("/fake/v1/reset", "").status()).isEqualTo(200);
        assertThat(get("/api/v2/changefeeds").body()).isEqualTo("{\"total\":0,\"items\":[]}");
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        Http.Response r = get("/fake/v1/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"openapi\": \"3.0.3\"").contains("/fake/v1/steps");
    }

    @Test
    void unknownControlRoutesAre404WithAJsonError() {
        Http.Response r = get("/fake/v1/nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("\"error\" : \"no control route GET /fake/v1/nothing\"");
    }

    @Test
    void theControlApiAnswersOnEveryCapturePort() {
        assertThat(sendTo(1, "GET", "/fake/v1/state", null).status()).isEqualTo(200);
    }

    @Test
    void shutdownClosesTheFake() throws Exception {
        assertThat(post("/fake/v1/shutdown", "").status()).isEqualTo(200);
        assertThat(fake.awaitClosed(java.time.Duration.ofSeconds(5))).isTrue();
    }
}
