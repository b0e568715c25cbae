package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.CaptureInfo;
import io.faketicdc.FakeConfig;
import org.junit.jupiter.api.Test;

/**
 * The /api/v1 server and capture routes, and the root endpoints (pingcap/tiflow cdc/api/v1/api.go;
 * cdc/model/http_model.go; cdc/http.go; cdc/api/owner/owner.go; cdc/api/status/status.go).
 */
class V1AndRootRoutesTest extends ApiTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(2);
    }

    private CaptureInfo capture(int slot) {
        return fake.cluster().capture(slot).orElseThrow();
    }

    @Test
    void v1StatusIsTheIndentedServerStatus() {
        Http.Response r = sendTo(1, "GET", "/api/v1/status", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(sendTo(1, "GET", "/api/v2/status", null).body());
        assertThat(r.body()).contains("\"id\": \"" + capture(1).id() + "\"").contains("\"is_owner\": false");
    }

    @Test
    void v1HealthIs200WithNoBodyAndNoContentType() {
        Http.Response r = get("/api/v1/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Type")).isNull();
        assertThat(r.header("Content-Length")).isEqualTo("0");
    }

    @Test
    void v1HealthOfAnUnhealthyClusterIsTheIndentedError() {
        fake.cluster().unhealthy(true);
        assertError(sendTo(1, "GET", "/api/v1/health", null), 500, "CDC:ErrClusterIsUnhealthy",
                "[CDC:ErrClusterIsUnhealthy]TiCDC cluster is unhealthy");
    }

    @Test
    void v1CapturesIsAnIndentedBareArray() {
        Http.Response r = get("/api/v1/captures");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[\n"
                + "    {\n        \"id\": \"" + capture(0).id() + "\",\n        \"is_owner\": true,\n"
                + "        \"address\": \"" + capture(0).address() + "\",\n        \"cluster_id\": \"default\"\n    },\n"
                + "    {\n        \"id\": \"" + capture(1).id() + "\",\n        \"is_owner\": false,\n"
                + "        \"address\": \"" + capture(1).address() + "\",\n        \"cluster_id\": \"default\"\n    }\n"
                + "]");
    }

    @Test
    void v1ResignIs202WithAnEmptyBodyAndMovesTheOwner() {
        Http.Response r = sendTo(1, "POST", "/api/v1/owner/resign", null);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Type")).isNull();
        assertThat(fake.cluster().owner()).get().extracting(CaptureInfo::slot).isEqualTo(1);
    }

    @Test
    void v1LogIs200WithNoBodyAndSetsTheLevelOfTheReceivingCapture() {
        Http.Response r = sendTo(1, "POST", "/api/v1/log", "{\"log_level\":\"debug\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Type")).isNull();
        assertThat(fake.requests().all().get(0).operation()).isEqualTo("v1 set log level");
        assertThat(fake.requests().all().get(0).forwardedTo()).isNull();
    }

    @Test
    void v1LogWithANullBodyOrNoLevelSetsInfoWhereV2Panics() {
        assertThat(post("/api/v1/log", "null").status()).isEqualTo(200);
        assertThat(post("/api/v1/log", "{}").status()).isEqualTo(200);
        assertThat(post("/api/v2/log", "null").status()).isEqualTo(500);
    }

    @Test
    void v1LogWithAnEmptyBodyIsTheCommitted400() {
        Http.Response r = post("/api/v1/log", "");
        assertError(r, 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid log level: EOF");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void v1LogWithAnUnknownLevelIsRefused() {
        assertError(post("/api/v1/log", "{\"log_level\":\"loud\"}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]fail to change log level: loud");
    }

    @Test
    void v1ChangefeedRoutesOfACaptureThatIsNotReadyAnswer503() {
        fake.cluster().ready(0, false);
        for (String[] r : new String[][] {{"GET", "/api/v1/changefeeds"}, {"POST", "/api/v1/changefeeds"},
                {"GET", "/api/v1/processors"}, {"POST", "/api/v1/log"}}) {
            assertError(send(r[0], r[1], "{}"), 503, "CDC:ErrServerIsNotReady", "[CDC:ErrServerIsNotReady]cdc server is not ready");
        }
    }

    @Test
    void rootStatusIsOneSpaceIndentedWithoutClusterIdOrLiveness() {
        Http.Response r = sendTo(1, "GET", "/status", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).startsWith("{\n \"version\": \"v8.5.0\",\n \"git_hash\": \"")
                .endsWith("\",\n \"id\": \"" + capture(1).id() + "\",\n \"pid\": " + ProcessHandle.current().pid()
                        + ",\n \"is_owner\": false\n}");
    }

    @Test
    void legacyOwnerResignAnswersOnTheOwnerAndRefusesElsewhereInPlainText() {
        Http.Response other = sendTo(1, "POST", "/capture/owner/resign", null);
        assertThat(other.status()).isEqualTo(500);
        assertThat(other.body()).isEqualTo("[CDC:ErrNotOwner]this capture is not a owner");
        Http.Response owner = sendTo(0, "POST", "/capture/owner/resign", null);
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.body()).isEqualTo("{\n \"status\": true,\n \"message\": \"\"\n}");
    }
}
