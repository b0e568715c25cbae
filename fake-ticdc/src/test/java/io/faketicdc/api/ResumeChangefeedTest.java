package io.faketicdc.api;

import static io.faketicdc.api.Expected.GC_SAFEPOINT;
import static io.faketicdc.api.Expected.info;

import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v2/changefeeds/{id}/resume} on master (pingcap/tiflow cdc/api/v2/changefeed.go;
 * cdc/api/v2/api_helpers.go; pkg/orchestrator/reactor_state.go; cdc/owner/feed_state_manager.go).
 */
class ResumeChangefeedTest extends RouteTestBase {
    private static final String RESUME = CHANGEFEEDS + "/test1/resume";

    @Test
    void resumeOfAStoppedChangefeedMakesItNormalAgain() {
        long ts = createBlackhole("test1");
        pause("test1");
        assertJsonOk(post(RESUME, "{}"), "{}");
        assertJsonOk(get(CHANGEFEEDS + "/test1"), info("test1", "blackhole:", ts).taskStatus().toString());
    }

    @Test
    void resumeWithAnOverwriteMovesStartTsAndCheckpointTs() {
        createBlackhole("test1");
        pause("test1");
        long overwrite = START_TSO - (60_000L << 18);
        assertJsonOk(post(RESUME, "{\"overwrite_checkpoint_ts\":" + overwrite + "}"), "{}");
        assertJsonOk(get(CHANGEFEEDS + "/test1"), info("test1", "blackhole:", overwrite)
                .checkpointTime("2026-08-20 08:16:08.123").taskStatus().toString());
    }

    @Test
    void resumeOfANormalChangefeedIsIgnoredWith200() {
        long ts = createBlackhole("test1");
        assertJsonOk(post(RESUME, "{\"overwrite_checkpoint_ts\":" + (START_TSO - (60_000L << 18)) + "}"), "{}");
        assertJsonOk(get(CHANGEFEEDS + "/test1"), info("test1", "blackhole:", ts).taskStatus().toString());
    }

    @Test
    void resumeIgnoresUnknownFields() {
        createBlackhole("test1");
        pause("test1");
        assertJsonOk(post(RESUME, "{\"whatever\":true}"), "{}");
        assertJsonOk(get(CHANGEFEEDS + "/test1/status"),
                "{\"state\":\"normal\",\"resolved_ts\":" + START_TSO + ",\"checkpoint_ts\":" + START_TSO + "}");
    }

    @Test
    void resumeWithAnEmptyBodyIsA400Eof() {
        createBlackhole("test1");
        pause("test1");
        assertBindError(post(RESUME, ""), "EOF");
        assertJsonOk(get(CHANGEFEEDS + "/test1/status"),
                "{\"state\":\"stopped\",\"resolved_ts\":0,\"checkpoint_ts\":" + START_TSO + "}");
    }

    @Test
    void resumeWithoutABodyIsA400Eof() {
        createBlackhole("test1");
        pause("test1");
        assertBindError(post(RESUME, null), "EOF");
    }

    @Test
    void resumeWithANullBodyPanicsIntoABare500() {
        createBlackhole("test1");
        pause("test1");
        assertPanic(post(RESUME, "null"));
    }

    @Test
    void resumeWithAStringOverwriteIsA400TypeError() {
        createBlackhole("test1");
        pause("test1");
        assertBindError(post(RESUME, "{\"overwrite_checkpoint_ts\":\"1\"}"),
                "json: cannot unmarshal string into Go struct field ResumeChangefeedConfig.overwrite_checkpoint_ts of type uint64");
    }

    @Test
    void resumeWithAnOverwriteAfterTheCurrentTsoIsA400() {
        createBlackhole("test1");
        pause("test1");
        long future = START_TSO + (1000L << 18);
        // the create took START_TSO; the resume asks PD for the next one
        assertApiError(post(RESUME, "{\"overwrite_checkpoint_ts\":" + future + "}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid checkpoint-ts " + future + ", larger than current tso " + (START_TSO + 1));
    }

    @Test
    void resumeWithAnOverwriteAtTheGcSafepointIsA400StartTsBeforeGc() {
        createBlackhole("test1");
        pause("test1");
        assertApiError(post(RESUME, "{\"overwrite_checkpoint_ts\":" + GC_SAFEPOINT + "}"), 400, "CDC:ErrStartTsBeforeGC",
                "[CDC:ErrStartTsBeforeGC]fail to create or maintain changefeed because start-ts " + GC_SAFEPOINT
                        + " is earlier than or equal to GC safepoint at " + GC_SAFEPOINT);
        assertJsonOk(get(CHANGEFEEDS + "/test1/status"),
                "{\"state\":\"stopped\",\"resolved_ts\":0,\"checkpoint_ts\":" + START_TSO + "}");
    }

    @Test
    void resumeOfAnUnknownChangefeedIsA400NotExistsEvenWithAnEmptyBody() {
        assertNotExists(post(RESUME, ""), "default/test1");
    }

    @Test
    void resumeHonoursTheNamespaceQuery() {
        createWith("{\"namespace\":\"ns1\",\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertNotExists(post(RESUME, "{}"), "default/test1");
        assertJsonOk(post(RESUME + "?namespace=ns1", "{}"), "{}");
    }

    @Test
    void resumeWithAnInvalidIdIsA400() {
        assertInvalidId(post(CHANGEFEEDS + "/test_1/resume", "{}"), "test_1");
    }
}
