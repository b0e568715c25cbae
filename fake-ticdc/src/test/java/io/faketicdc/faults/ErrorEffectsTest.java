package io.faketicdc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.api.Http;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorEffectsTest extends FaultTestBase {

    @Test
    void anErrorEffectIsRenderedExactlyAsTheRealErrorJson() {
        fake.faults().add(FaultRule.on("create changefeed")
                .respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out")));
        Http.Response r = post("/api/v2/changefeeds", CREATE_CF1);
        assertError(r, 500, "CDC:ErrEtcdTryAgain", "[CDC:ErrEtcdTryAgain]etcdserver: request timed out");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(get("/api/v2/changefeeds/cf1").status()).as("nothing was created").isEqualTo(400);
    }

    @Test
    void anErrorWithoutStatusFollowsTheRealFourHundredRule() {
        fake.faults().add(FaultRule.on("GET /api/v2/changefeeds/:changefeed_id")
                .respond(Effect.error("CDC:ErrChangeFeedNotExists", "changefeed not exists, default/cf9")));
        assertError(get("/api/v2/changefeeds/cf9"), 400, "CDC:ErrChangeFeedNotExists",
                "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/cf9");
    }

    @Test
    void noOwnerIsAFiveHundredWithAnEmptyCode() {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()));
        assertError(get("/api/v2/changefeeds"), 500, "", "election: no leader");
    }

    @Test
    void notReadyIsTheServerIsNotReadyAnswer() {
        fake.faults().add(FaultRule.onAnyRequest().respond(Effect.notReady()));
        assertError(get("/api/v2/status"), 503, "CDC:ErrServerIsNotReady", "[CDC:ErrServerIsNotReady]cdc server is not ready");
    }

    @Test
    void aRawEffectSendsAnyStatusHeadersAndBody() {
        fake.faults().add(FaultRule.on("/api/v2/health")
                .respond(Effect.raw(502, Map.of("Content-Type", "text/html", "X-Proxy", "nginx"), "<h1>Bad Gateway</h1>")));
        Http.Response r = get("/api/v2/health");
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.header("Content-Type")).isEqualTo("text/html");
        assertThat(r.header("X-Proxy")).isEqualTo("nginx");
        assertThat(r.body()).isEqualTo("<h1>Bad Gateway</h1>");
    }

    @Test
    void rulesMatchByChangefeedNamespaceAndBody() throws Exception {
        create(CREATE_CF1);
        create("{\"changefeed_id\":\"cf2\",\"sink_uri\":\"blackhole://\"}");
        fake.faults().add(FaultRule.on("pause changefeed").changefeed("cf2").respond(Effect.noOwner()));
        fake.faults().add(FaultRule.on("get changefeed").namespace("other").respond(Effect.noOwner()));
        fake.faults().add(FaultRule.on("create changefeed").bodyMatches("\"cf[0-9]+x\"").respond(Effect.noOwner()));
        fake.faults().add(FaultRule.on("create changefeed").body(b -> b.contains("kafka")).respond(Effect.notReady()));

        assertThat(status("POST", "/api/v2/changefeeds/cf1/pause", null)).isEqualTo(200);
        assertThat(status("POST", "/api/v2/changefeeds/cf2/pause", null)).isEqualTo(500);
        assertThat(status("GET", "/api/v2/changefeeds/cf1", null)).isEqualTo(200);
        assertThat(status("GET", "/api/v2/changefeeds/cf1?namespace=other", null)).isEqualTo(500);
        assertThat(status("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"cf3x\",\"sink_uri\":\"blackhole://\"}"))
                .isEqualTo(500);
        assertThat(status("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"cf4\",\"sink_uri\":\"kafka://k/t\"}"))
                .isEqualTo(503);
    }

    @Test
    void theFirstMatchingRuleWinsAndRemovingItUncoversTheNext() throws Exception {
        FaultHandle first = fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()));
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.notReady()));
        assertThat(status("GET", "/api/v2/changefeeds", null)).isEqualTo(500);
        first.remove();
        assertThat(status("GET", "/api/v2/changefeeds", null)).isEqualTo(503);
        fake.faults().clear();
        assertThat(status("GET", "/api/v2/changefeeds", null)).isEqualTo(200);
    }

    @Test
    void aRuleCanBeRemovedByItsId() throws Exception {
        fake.faults().add(FaultRule.on("list changefeeds").id("no-list").respond(Effect.noOwner()));
        assertThat(fake.faults().rules()).extracting(FaultRule::id).containsExactly("no-list");
        assertThat(fake.faults().remove("no-list")).isTrue();
        assertThat(status("GET", "/api/v2/changefeeds", null)).isEqualTo(200);
    }

    @Test
    void anUnknownOperationNameIsRejectedWhenAdded() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fake.faults().add(
                FaultRule.on("create changefed").respond(Effect.noOwner())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("create changefeed");
    }

    @Test
    void resetClearsEveryFault() throws Exception {
        fake.faults().add(FaultRule.onAnyRequest().respond(Effect.noOwner()));
        fake.reset();
        HttpResponse<String> r = call("GET", "/api/v2/changefeeds", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(fake.faults().rules()).isEmpty();
    }

    @Test
    void aRuleWithACatchAllPatternMatchesEveryPathBelowIt() throws Exception {
        createCf1();
        fake.faults().add(FaultRule.on("GET /api/v2/changefeeds/*rest").respond(Effect.error(503, "CDC:ErrX", "caught")));
        assertThat(status("GET", "/api/v2/changefeeds/cf1/status", null)).isEqualTo(503);
        assertThat(status("GET", "/api/v2/changefeeds/cf1", null)).isEqualTo(503);
        assertThat(status("GET", "/api/v2/changefeeds", null)).isEqualTo(200);
    }
}
