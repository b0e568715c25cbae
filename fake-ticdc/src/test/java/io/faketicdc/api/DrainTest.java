package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.CaptureInfo;
import io.faketicdc.FakeConfig;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v2/captures/{id}/drain and PUT /api/v1/captures/drain (pingcap/tiflow cdc/api/v2/capture.go;
 * cdc/api/v1/api.go; cdc/api/util.go; cdc/owner/owner.go).
 */
class DrainTest extends ApiTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(3);
    }

    private String id(int slot) {
        return fake.cluster().capture(slot).map(CaptureInfo::id).orElseThrow();
    }

    @Test
    void theTableCountFallsOnRepeatedCallsUntilZero() {
        create("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\"}");
        create("{\"changefeed_id\":\"b\",\"sink_uri\":\"blackhole://\"}");
        create("{\"changefeed_id\":\"c\",\"sink_uri\":\"blackhole://\"}");
        // 4 tables per changefeed over 3 captures, fewest first: slot 1 holds one of each (3); 2 move per poll
        String target = "/api/v2/captures/" + id(1) + "/drain";
        Http.Response first = post(target, null);
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(first.body()).isEqualTo("{\"current_table_count\":3}");
        assertThat(post(target, null).body()).isEqualTo("{\"current_table_count\":1}");
        assertThat(post(target, null).body()).isEqualTo("{\"current_table_count\":0}");
        assertThat(post(target, null).body()).isEqualTo("{\"current_table_count\":0}");
        assertThat(get("/api/v2/processors/a/" + id(1)).body()).isEqualTo("{\"table_ids\":[]}");
    }

    @Test
    void drainingTheOwnerIsRefused() {
        assertError(post("/api/v2/captures/" + id(0) + "/drain", null), 400, "CDC:ErrSchedulerRequestFailed",
                "[CDC:ErrSchedulerRequestFailed]scheduler request failed, cannot drain the owner");
    }

    @Test
    void drainingAnUnknownCaptureIsCaptureNotExist() {
        assertError(post("/api/v2/captures/nope/drain", null), 400, "CDC:ErrCaptureNotExist",
                "[CDC:ErrCaptureNotExist]capture not exists, nope");
    }

    @Test
    void v1DrainAnswers202WithTheCount() {
        Http.Response r = put("/api/v1/captures/drain", "{\"capture_id\":\"" + id(2) + "\"}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{\"current_table_count\":0}");
    }

    @Test
    void v1DrainWithABadBodyIsAnOrdinaryJson400() {
        Http.Response r = put("/api/v1/captures/drain", "");
        assertError(r, 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid api parameter: EOF");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    }

    @Nested
    class WithOneCapture extends ApiTestBase {
        @Test
        void drainIsRefusedBecauseOnlyOneCaptureIsAlive() {
            String only = fake.cluster().captures().get(0).id();
            assertError(post("/api/v2/captures/" + only + "/drain", null), 400, "CDC:ErrSchedulerRequestFailed",
                    "[CDC:ErrSchedulerRequestFailed]scheduler request failed, only one capture alive");
            assertError(put("/api/v1/captures/drain", "{\"capture_id\":\"" + only + "\"}"), 400,
                    "CDC:ErrSchedulerRequestFailed", "[CDC:ErrSchedulerRequestFailed]scheduler request failed, only one capture alive");
        }
    }
}
