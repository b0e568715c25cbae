package io.faketicdc.api;

import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v2/changefeeds/{id}/synced} (pingcap/tiflow cdc/api/v2/changefeed.go;
 * cdc/api/v2/model.go), master only.
 */
class ChangefeedSyncedTest extends RouteTestBase {
    private static final String NOT_FINISHED = "The data syncing is not finished, please wait";
    private static final String ADVISORY = "Please check whether PD is online and TiKV Regions are all available. "
            + "If PD is offline or some TiKV regions are not available, it means that the data syncing process is complete. "
            + "To check whether TiKV regions are all available, you can view "
            + "'TiKV-Details' \\u003e 'Resolved-Ts' \\u003e 'Max Leader Resolved TS gap' on Grafana. "
            + "If the gap is large, such as a few minutes, it means that some regions in TiKV are unavailable. "
            + "Otherwise, if the gap is small and PD is online, it means the data syncing is incomplete, so please wait";
    /** {@code now_ts} has seconds precision. */
    private static final String NOW = "2026-08-20 08:17:08.000";
    private static final String SIX_MINUTES_AGO = "2026-08-20 08:11:08.123";

    private static String synced(boolean synced, String checkpoint, String info) {
        return "{\"synced\":" + synced + ",\"sink_checkpoint_ts\":\"" + checkpoint + "\",\"puller_resolved_ts\":\""
                + checkpoint + "\",\"last_synced_ts\":\"" + checkpoint + "\",\"now_ts\":\"" + NOW + "\",\"info\":\"" + info + "\"}";
    }

    private void createSixMinutesOld() {
        createWith("{\"changefeed_id\":\"old\",\"sink_uri\":\"blackhole://\",\"start_ts\":" + (START_TSO - (360_000L << 18)) + "}");
    }

    @Test
    void syncedOfAFreshChangefeedIsNotFinished() {
        createBlackhole("test1");
        assertJsonOk(get(CHANGEFEEDS + "/test1/synced"), synced(false, START_TIME, NOT_FINISHED));
    }

    @Test
    void syncedWithAnOldCheckpointGivesTheAdvisoryText() {
        createSixMinutesOld();
        assertJsonOk(get(CHANGEFEEDS + "/old/synced"), synced(false, SIX_MINUTES_AGO, ADVISORY));
    }

    @Test
    void syncedTakesTheCheckpointIntervalFromTheBody() {
        createSixMinutesOld();
        Http.Response r = send("GET", CHANGEFEEDS + "/old/synced",
                "{\"replica_config\":{\"synced_status\":{\"checkpoint_interval\":600}}}");
        assertJsonOk(r, synced(true, SIX_MINUTES_AGO, "Data syncing is finished"));
    }

    @Test
    void syncedIgnoresAnEmptyBody() {
        createBlackhole("test1");
        assertJsonOk(send("GET", CHANGEFEEDS + "/test1/synced", ""), synced(false, START_TIME, NOT_FINISHED));
    }

    @Test
    void syncedWithAMalformedBodyIsA400() {
        createBlackhole("test1");
        assertBindError(send("GET", CHANGEFEEDS + "/test1/synced", "{"), "unexpected EOF");
    }

    @Test
    void syncedWithATypeErrorInTheBodyIsA400() {
        createBlackhole("test1");
        assertBindError(send("GET", CHANGEFEEDS + "/test1/synced",
                "{\"replica_config\":{\"synced_status\":{\"synced_check_interval\":\"x\"}}}"),
                "json: cannot unmarshal string into Go struct field "
                        + "SyncedStatusConfig.replica_config.synced_status.synced_check_interval of type int64");
    }

    @Test
    void syncedOfAnUnknownChangefeedIsA400NotExists() {
        assertNotExists(get(CHANGEFEEDS + "/nope/synced"), "default/nope");
    }

    @Test
    void syncedWithAnInvalidIdIsA400() {
        assertInvalidId(get(CHANGEFEEDS + "/test_1/synced"), "test_1");
    }
}
