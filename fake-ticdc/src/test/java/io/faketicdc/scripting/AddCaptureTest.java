package io.faketicdc.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.CaptureInfo;
import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import io.faketicdc.api.ApiTestBase;
import io.faketicdc.api.Http;
import io.faketicdc.scenario.Scenario;
import io.faketicdc.script.ClusterAction;
import io.faketicdc.script.Step;
import io.faketicdc.script.Timing;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A capture process added while the fake runs: a new slot, port and capture ID, seen through the API. */
class AddCaptureTest extends ApiTestBase {
    private static final String CF = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}";

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(2);
    }

    @Test
    void anAddedCaptureTakesTheNextSlotOnItsOwnPortAndIsListedByEveryCapture() {
        CaptureInfo added = fake.cluster().addCapture();

        assertThat(added.slot()).isEqualTo(2);
        assertThat(added.address()).isEqualTo("127.0.0.1:" + fake.port(2));
        assertThat(fake.port(2)).isNotIn(fake.port(0), fake.port(1));
        assertThat(added.liveness()).isZero();
        assertThat(added.owner()).isFalse();
        assertThat(added.id()).isNotIn(fake.cluster().capture(0).orElseThrow().id(), fake.cluster().capture(1).orElseThrow().id());
        assertThat(fake.cluster().slots()).isEqualTo(3);
        assertThat(get("/api/v2/captures").body()).startsWith("{\"total\":3,")
                .contains("{\"id\":\"" + added.id() + "\",\"is_owner\":false,\"address\":\"127.0.0.1:" + fake.port(2) + "\"");
        assertThat(sendTo(2, "GET", "/api/v2/status", null).body())
                .contains("\"id\": \"" + added.id() + "\"").contains("\"is_owner\": false").contains("\"liveness\": 0");
    }

    @Test
    void aScaleOutIsOneLine() {
        // snippet:add-capture
        CaptureInfo added = fake.cluster().addCapture();   // a new process: next slot, new port, new ID
        String url = fake.baseUrl(added.slot());             // serves the whole API, forwards to the owner
        // end-snippet
        assertThat(Http.send(fake.port(added.slot()), "GET", "/api/v2/health", null).status()).isEqualTo(200);
        assertThat(url).isEqualTo("http://127.0.0.1:" + fake.port(2));
    }

    @Test
    void anAddedCaptureForwardsOwnerRoutesToTheOwnerAndItsRequestsAreJournaled() {
        assertThat(sendTo(fake.cluster().addCapture().slot(), "POST", "/api/v2/changefeeds", CF).status()).isEqualTo(200);

        RecordedRequest r = fake.requests().last();
        assertThat(r.slot()).isEqualTo(2);
        assertThat(r.port()).isEqualTo(fake.port(2));
        assertThat(r.forwardedTo()).isZero();
        assertThat(get("/api/v2/changefeeds/cf").status()).isEqualTo(200);
    }

    @Test
    void anAddedCaptureCanWinTheNextElectionAndThenAnswersForwardedRequests() {
        fake.cluster().addCapture();
        fake.cluster().nextOwner(2).resignOwner();

        assertThat(fake.cluster().owner()).get().extracting(CaptureInfo::slot).isEqualTo(2);
        assertThat(post("/api/v2/changefeeds", CF).status()).isEqualTo(200);
        assertThat(fake.requests().last().forwardedTo()).isEqualTo(2);
    }

    @Test
    void anAddedCaptureBecomesOwnerWhenNoOtherCaptureIsLeft() {
        fake.cluster().crash(0).crash(1);
        assertThat(fake.cluster().owner()).isEmpty();

        CaptureInfo added = fake.cluster().addCapture();

        assertThat(added.owner()).isTrue();
        assertThat(sendTo(2, "GET", "/api/v2/captures", null).body())
                .isEqualTo("{\"total\":1,\"items\":[{\"id\":\"" + added.id() + "\",\"is_owner\":true,\"address\":\""
                        + added.address() + "\",\"cluster_id\":\"default\"}]}");
    }

    @Test
    void anAddedCaptureHoldsNoTablesUntilTablesLoseTheirHome() {
        assertThat(create(CF).status()).isEqualTo(200);
        CaptureInfo added = fake.cluster().addCapture();
        assertThat(get("/api/v2/changefeeds/cf").body()).contains("{\"capture_id\":\"" + added.id() + "\"}]");

        fake.cluster().crash(1);

        assertThat(get("/api/v2/changefeeds/cf").body()).contains("{\"capture_id\":\"" + added.id() + "\",\"table_ids\":[");
    }

    @Test
    void theOwnersMinutelyBalanceCheckMovesTheExtraTablesOfAFullCaptureToAnAddedOne() {
        fake.cluster().crash(1);
        assertThat(create(CF).status()).isEqualTo(200);
        String first = fake.cluster().capture(0).orElseThrow().id();
        assertThat(get("/api/v2/changefeeds/cf").body()).contains("{\"capture_id\":\"" + first + "\",\"table_ids\":[104,106,108,110]}");
        CaptureInfo added = fake.cluster().addCapture();

        fake.clock().advance(Duration.ofSeconds(59));
        assertThat(get("/api/v2/changefeeds/cf").body()).contains("{\"capture_id\":\"" + added.id() + "\"}");
        fake.clock().advance(Duration.ofSeconds(1));

        assertThat(get("/api/v2/changefeeds/cf").body()).contains("\"task_status\":[{\"capture_id\":\"" + first
                + "\",\"table_ids\":[108,110]},{\"capture_id\":\"" + added.id() + "\",\"table_ids\":[104,106]}]");
    }

    @Test
    void theBalanceCheckLeavesTablesWhereNoCaptureHoldsMoreThanItsShare() {
        assertThat(create(CF).status()).isEqualTo(200);
        String before = get("/api/v2/changefeeds/cf").body();
        CaptureInfo added = fake.cluster().addCapture();

        fake.clock().advance(Duration.ofMinutes(5));

        // four tables on three captures: a share is two, and the first two hold two each
        assertThat(get("/api/v2/changefeeds/cf").body()).contains("{\"capture_id\":\"" + added.id() + "\"}")
                .contains(before.substring(before.indexOf("\"task_status\":["), before.length() - 2));
    }

    @Test
    void anAddedCaptureCanBeStoppedAndStartedAgainOnTheSamePort() throws Exception {
        CaptureInfo added = fake.cluster().addCapture();
        int port = fake.port(added.slot());

        fake.cluster().stop(added.slot());
        assertThatThrownBy(() -> Http.send(port, "GET", "/api/v2/status", null)).hasRootCauseInstanceOf(ConnectException.class);
        CaptureInfo restarted = fake.cluster().start(added.slot());

        assertThat(restarted.id()).isNotEqualTo(added.id());
        assertThat(Http.send(port, "GET", "/api/v2/status", null).body()).contains(restarted.id());
    }

    @Test
    void aCaptureCanBeAddedOnTheNthMatchingRequestByAStep() {
        fake.run(new Step(Timing.onRequest(2, "GET", "/api/v2/captures"), new ClusterAction(ClusterAction.Kind.ADD_CAPTURE)));

        assertThat(get("/api/v2/captures").body()).startsWith("{\"total\":2,");
        assertThat(get("/api/v2/captures").body()).startsWith("{\"total\":3,");
        assertThat(sendTo(2, "GET", "/api/v2/health", null).status()).isEqualTo(200);
    }

    @Test
    void aCaptureCanBeAddedAfterASpanOfTheClock() {
        fake.run(new Step(Timing.after(Duration.ofSeconds(30)), new ClusterAction(ClusterAction.Kind.ADD_CAPTURE)));
        assertThat(fake.cluster().slots()).isEqualTo(2);

        fake.clock().advance(Duration.ofSeconds(30));

        assertThat(get("/api/v2/captures").body()).startsWith("{\"total\":3,");
    }

    @Test
    void aDeferredHandleCannotReturnTheCaptureItWillAddSoItSaysHowToScriptIt() {
        assertThatThrownBy(() -> fake.cluster().after(Duration.ofSeconds(5)).addCapture())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ClusterAction.Kind.ADD_CAPTURE");
        assertThatThrownBy(() -> fake.cluster().onRequest(1, "GET", "/api/v2/status").start(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CaptureAction.Kind.START");
        assertThat(fake.cluster().slots()).isEqualTo(2);
    }

    @Test
    void resetClosesTheAddedPortsAndANewAddTakesTheSameSlotAgain() throws Exception {
        int addedPort = fake.port(fake.cluster().addCapture().slot());

        fake.reset();

        assertThat(fake.cluster().slots()).isEqualTo(2);
        assertThat(fake.cluster().captures()).hasSize(2);
        assertThatThrownBy(() -> Http.send(addedPort, "GET", "/api/v2/status", null)).hasRootCauseInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> fake.port(2)).isInstanceOf(IllegalArgumentException.class).hasMessage("no capture slot 2 (the cluster has 2)");
        assertThat(fake.cluster().addCapture().slot()).isEqualTo(2);
        assertThat(sendTo(2, "GET", "/api/v2/health", null).status()).isEqualTo(200);
    }

    @Test
    void aScenarioStepAddsACapture() {
        fake.load(Scenario.parse("{\"steps\":[{\"cluster\":\"add-capture\"}]}", "test"));
        assertThat(fake.cluster().captures()).extracting(CaptureInfo::slot).containsExactly(0, 1, 2);
    }

    @Test
    void anAddedCapturesAddressFollowsTheAdvertisedAddressAndTheBasePort() {
        try (FakeTiCdc other = FakeTiCdc.create(c -> c.advertiseAddr("cdc-0.example:8300")).start()) {
            assertThat(other.cluster().addCapture().address()).isEqualTo("cdc-0.example:8301");
        }
    }

    @Test
    void capturesAddedWhileClientsAreBusyLoseNoRequestAndAllServe() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var done = new java.util.concurrent.atomic.AtomicBoolean();
            var answers = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
            var clients = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 4; t++) {
                int slot = t % 2;
                clients.add(pool.submit(() -> {
                    while (!done.get()) answers.add(sendTo(slot, "GET", "/api/v2/captures", null).status());
                }));
            }
            for (int i = 0; i < 6; i++) fake.cluster().addCapture();
            done.set(true);
            for (var c : clients) c.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(answers).isNotEmpty().containsOnly(200);
            assertThat(fake.cluster().slots()).isEqualTo(8);
            for (int slot = 0; slot < 8; slot++) {
                assertThat(sendTo(slot, "GET", "/api/v2/captures", null).body()).startsWith("{\"total\":8,");
            }
            assertThat(fake.requests().count()).isEqualTo(answers.size() + 8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedFakeAddsNoCapture() {
        FakeTiCdc other = FakeTiCdc.create().start();
        var cluster = other.cluster();
        other.close();
        assertThatThrownBy(cluster::addCapture).isInstanceOf(IllegalStateException.class);
    }
}
