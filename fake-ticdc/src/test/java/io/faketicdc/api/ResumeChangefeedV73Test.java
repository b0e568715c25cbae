package io.faketicdc.api;

import static io.faketicdc.api.Expected.GC_SAFEPOINT;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import org.junit.jupiter.api.Test;

/**
 * {@code POST .../resume} where v7.3 differs: no TSO check of {@code overwrite_checkpoint_ts}
 * (pingcap/tiflow v7.3.0 cdc/api/v2/changefeed.go; cdc/api/v2/api_helpers.go).
 */
class ResumeChangefeedV73Test extends RouteTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.profile(Profile.V7_3);
    }

    @Test
    void resumeWithAnOverwriteAfterTheCurrentTsoIsAccepted() {
        createBlackhole("test1");
        pause("test1");
        long future = START_TSO + (1000L << 18);
        assertJsonOk(post(CHANGEFEEDS + "/test1/resume", "{\"overwrite_checkpoint_ts\":" + future + "}"), "{}");
        assertJsonOk(get(CHANGEFEEDS + "/test1/status"),
                "{\"state\":\"normal\",\"resolved_ts\":" + future + ",\"checkpoint_ts\":" + future + "}");
    }

    @Test
    void resumeWithAnOverwriteAtTheGcSafepointIsStillA400() {
        createBlackhole("test1");
        pause("test1");
        assertApiError(post(CHANGEFEEDS + "/test1/resume", "{\"overwrite_checkpoint_ts\":" + GC_SAFEPOINT + "}"), 400,
                "CDC:ErrStartTsBeforeGC", "[CDC:ErrStartTsBeforeGC]fail to create or maintain changefeed because start-ts "
                        + GC_SAFEPOINT + " is earlier than or equal to GC safepoint at " + GC_SAFEPOINT);
    }

    @Test
    void resumeWithAnEmptyBodyIsA400Eof() {
        createBlackhole("test1");
        pause("test1");
        assertBindError(post(CHANGEFEEDS + "/test1/resume", ""), "EOF");
    }
}
