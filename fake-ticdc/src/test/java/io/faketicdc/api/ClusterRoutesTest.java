package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.CaptureInfo;
import org.junit.jupiter.api.Test;

/** health, status, log, captures and owner resign of /api/v2 on a one-capture cluster. */
class ClusterRoutesTest extends ApiTestBase {

    private CaptureInfo only() {
        return fake.cluster().captures().get(0);
    }

    @Test
    void healthIsAnEmptyObjectWhenHealthy() {
        assertJsonOk(get("/api/v2/health"), "{}");
    }

    @Test
    void anUnhealthyClusterAnswers500ClusterIsUnhealthy() {
        fake.cluster().unhealthy(true);
        Http.Response r = get("/api/v2/health");
        assertError(r, 500, "CDC:ErrClusterIsUnhealthy", "[CDC:ErrClusterIsUnhealthy]TiCDC cluster is unhealthy");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void statusIsIndentedServerStatusOfTheReceivingCapture() {
        Http.Response r = get("/api/v2/status");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.body()).isEqualTo("{\n"
                + "    \"version\": \"v8.5.0\",\n"
                + "    \"git_hash\": \"" + gitHash() + "\",\n"
                + "    \"id\": \"" + only().id() + "\",\n"
                + "    \"cluster_id\": \"default\",\n"
                + "    \"pid\": " + ProcessHandle.current().pid() + ",\n"
                + "    \"is_owner\": true,\n"
                + "    \"liveness\": 0\n"
                + "}");
    }

    private String gitHash() {
        String body = get("/api/v2/status").body();
        int i = body.indexOf("\"git_hash\": \"") + 13;
        String hash = body.substring(i, i + 40);
        assertThat(hash).matches("[0-9a-f]{40}");
        return hash;
    }

    @Test
    void captureListHasTheOwnerWithItsAddressAndClusterId() {
        assertJsonOk(get("/api/v2/captures"), "{\"total\":1,\"items\":[{\"id\":\"" + only().id()
                + "\",\"is_owner\":true,\"address\":\"127.0.0.1:" + fake.port() + "\",\"cluster_id\":\"default\"}]}");
    }

    @Test
    void resignInAOneCaptureClusterElectsTheSameCaptureWhichKeepsItsId() {
        String before = only().id();
        assertJsonOk(post("/api/v2/owner/resign", null), "{}");
        assertThat(fake.cluster().owner()).get().extracting(CaptureInfo::id).isEqualTo(before);
        assertThat(get("/api/v2/captures").body()).contains("\"id\":\"" + before + "\",\"is_owner\":true");
    }

    @Test
    void logAcceptsEveryZapLevelCaseInsensitively() {
        for (String level : new String[] {"debug", "INFO", "warn", "Error", "dpanic", "panic", "fatal", "", "warning"}) {
            assertJsonOk(post("/api/v2/log", "{\"log_level\":\"" + level + "\"}"), "{}");
        }
        assertJsonOk(post("/api/v2/log", "{}"), "{}");
    }

    @Test
    void logRejectsAnUnknownLevel() {
        assertError(post("/api/v2/log", "{\"log_level\":\"verbose\"}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]fail to change log level: verbose");
    }

    @Test
    void logWithAnEmptyBodyIsInvalidLogLevelEofAsPlainText() {
        Http.Response r = post("/api/v2/log", "");
        assertError(r, 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid log level: EOF");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void logWithANullBodyIsTheRecoveredPanicsBare500() {
        Http.Response r = post("/api/v2/log", "null");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Type")).isNull();
    }

    @Test
    void aCaptureThatIsNotReadyAnswers503OnEveryApiRouteButNotOnRootStatus() {
        fake.cluster().ready(0, false);
        for (String path : new String[] {"/api/v2/status", "/api/v2/health", "/api/v2/changefeeds", "/api/v1/status"}) {
            assertError(get(path), 503, "CDC:ErrServerIsNotReady", "[CDC:ErrServerIsNotReady]cdc server is not ready");
        }
        assertThat(get("/status").status()).isEqualTo(200);
        assertThat(get("/api/v2/nope").status()).isEqualTo(404);
    }
}
