package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/processors} and {@code GET /api/v1/processors/{changefeed_id}/{capture_id}}
 * (pingcap/tiflow cdc/api/v1/api.go; cdc/model/http_model.go; cdc/owner/owner.go;
 * cdc/api/middleware/middleware.go).
 */
class V1ProcessorsTest extends RouteTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(2);
    }

    private String captureId(int slot) {
        return fake.cluster().capture(slot).orElseThrow().id();
    }

    private static String processor(String cf, String capture) {
        return "    {\n        \"namespace\": \"default\",\n        \"changefeed_id\": \"" + cf + "\",\n"
                + "        \"capture_id\": \"" + capture + "\"\n    }";
    }

    // ---- list ----

    @Test
    void withNoChangefeedsTheListIsAnEmptyArray() {
        assertJsonOk(get("/api/v1/processors"), "[]");
    }

    @Test
    void theListIsAnIndentedBareArrayWithOneItemPerCaptureOfEachRunningChangefeed() {
        createV1("a");
        createV1("b");
        createV1("c");
        fake.changefeed("b").pause();
        assertJsonOk(get("/api/v1/processors"), "[\n"
                + processor("a", captureId(0)) + ",\n" + processor("a", captureId(1)) + ",\n"
                + processor("c", captureId(0)) + ",\n" + processor("c", captureId(1)) + "\n]");
        assertThat(fake.requests().all()).extracting(RecordedRequest::operation).last().isEqualTo("v1 list processors");
    }

    // ---- detail ----

    @Test
    void theDetailIsTheIndentedTableIdsOnThatCapture() {
        createV1("cf");
        assertJsonOk(get("/api/v1/processors/cf/" + captureId(1)), "{\n    \"table_ids\": [\n        106,\n        110\n    ]\n}");
        assertThat(fake.requests().all()).extracting(RecordedRequest::operation).last().isEqualTo("v1 get processor");
    }

    @Test
    void aStoppedChangefeedAnswers200WithTheDetailFollowedByTheErrorDocument() {
        createV1("cf");
        createV1("other");
        fake.changefeed("cf").pause();
        Http.Response r = get("/api/v1/processors/cf/" + captureId(0));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
        assertThat(r.body()).isEqualTo("{\n    \"table_ids\": null\n}" + errorBody("[CDC:ErrAPIInvalidParam]invalid api parameter: "
                + "changefeed in abnormal state: stopped, can't get processors of an abnormal changefeed", "CDC:ErrAPIInvalidParam"));
        assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(r.bodyBytes().length));
    }

    @Test
    void aStoppedChangefeedWhenNoChangefeedRunsIsCaptureNotExists() {
        createV1("cf");
        fake.changefeed("cf").pause();
        assertApiError(get("/api/v1/processors/cf/" + captureId(0)), 400, "CDC:ErrCaptureNotExist",
                "[CDC:ErrCaptureNotExist]capture not exists, " + captureId(0));
    }

    @Test
    void anUnknownCaptureIsCaptureNotExists() {
        createV1("cf");
        assertApiError(get("/api/v1/processors/cf/nope"), 400, "CDC:ErrCaptureNotExist", "[CDC:ErrCaptureNotExist]capture not exists, nope");
    }

    @Test
    void anInvalidCaptureIdIsRefusedBeforeTheChangefeedIsLookedUp() {
        assertApiError(get("/api/v1/processors/nope/a_b"), 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid capture_id: a_b");
    }

    @Test
    void anUnknownChangefeedIsNotExists() {
        assertNotExists(get("/api/v1/processors/nope/" + captureId(0)), "default/nope");
    }

    @Test
    void anInvalidChangefeedIdIsRefusedFirst() {
        assertInvalidId(get("/api/v1/processors/a_b/c_d"), "a_b");
    }
}
