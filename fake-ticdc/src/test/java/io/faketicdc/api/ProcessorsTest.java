package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v2/processors and /api/v2/processors/{changefeed_id}/{capture_id} (pingcap/tiflow
 * cdc/api/v2/processor.go; cdc/owner/owner.go).
 */
class ProcessorsTest extends ApiTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(2);
    }

    private String id(int slot) {
        return fake.cluster().capture(slot).orElseThrow().id();
    }

    @Test
    void noChangefeedsMeansAnEmptyList() {
        assertJsonOk(get("/api/v2/processors"), "{\"total\":0,\"items\":[]}");
    }

    @Test
    void eachRunningChangefeedHasAProcessorOnEveryCapture() {
        create("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\"}");
        create("{\"changefeed_id\":\"b\",\"sink_uri\":\"blackhole://\"}");
        post("/api/v2/changefeeds/b/pause", null);
        assertJsonOk(get("/api/v2/processors"), "{\"total\":2,\"items\":["
                + "{\"namespace\":\"default\",\"changefeed_id\":\"a\",\"capture_id\":\"" + id(0) + "\"},"
                + "{\"namespace\":\"default\",\"changefeed_id\":\"a\",\"capture_id\":\"" + id(1) + "\"}]}");
    }

    @Test
    void aProcessorListsTheTablesItsCaptureReplicates() {
        create("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(get("/api/v2/processors/a/" + id(0)), "{\"table_ids\":[104,108]}");
        assertJsonOk(get("/api/v2/processors/a/" + id(1)), "{\"table_ids\":[106,110]}");
        assertThat(get("/api/v2/changefeeds/a").body()).endsWith("\"task_status\":[{\"capture_id\":\"" + id(0)
                + "\",\"table_ids\":[104,108]},{\"capture_id\":\"" + id(1) + "\",\"table_ids\":[106,110]}]}");
    }

    @Test
    void theFilterDecidesWhichTablesAreReplicated() {
        create("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[\"test.t1\",\"test.t3\"]}}}");
        assertJsonOk(get("/api/v2/processors/a/" + id(0)), "{\"table_ids\":[104]}");
        assertJsonOk(get("/api/v2/processors/a/" + id(1)), "{\"table_ids\":[108]}");
    }

    @Test
    void anInvalidCaptureIdIsRejectedBeforeTheChangefeedIsLookedUp() {
        assertError(get("/api/v2/processors/nope/bad_id"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid capture_id: bad_id");
        assertError(get("/api/v2/processors/bad_cf/x"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid changefeed_id: bad_cf");
    }

    @Test
    void anUnknownChangefeedIsNotExists() {
        assertError(get("/api/v2/processors/test/561c3784-77f0-4863-ad52-65a3436db6af"), 400,
                "CDC:ErrChangeFeedNotExists", "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/test");
    }

    @Test
    void aStoppedChangefeedHasNoProcessors() {
        create("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\"}");
        post("/api/v2/changefeeds/a/pause", null);
        assertError(get("/api/v2/processors/a/" + id(0)), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid api parameter: changefeed in abnormal state: stopped, "
                        + "can'duration get processor of an abnormal changefeed");
    }

    @Test
    void anUnknownCaptureIsCaptureNotExist() {
        create("{\"changefeed_id\":\"a\",\"sink_uri\":\"blackhole://\"}");
        assertError(get("/api/v2/processors/a/561c3784-77f0-4863-ad52-65a3436db6af"), 400, "CDC:ErrCaptureNotExist",
                "[CDC:ErrCaptureNotExist]capture not exists, 561c3784-77f0-4863-ad52-65a3436db6af");
    }
}
