package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The acceptance tests of the new architecture's profile ({@link Profile#NEWARCH}: pingcap/ticdc
 * master): the shapes its routes answer with.
 */
abstract class NewArchTestBase extends RouteTestBase {
    static final String DEFAULT_CONFIG = Expected.defaultConfig(Profile.NEWARCH);
    private static final Pattern GID = Pattern.compile(",\"gid\":\\{\"low\":\\d+,\"high\":\\d+\\}");

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.profile(Profile.NEWARCH);
    }

    /** The {@code "gid":{...}} member of a ChangeFeedInfo (random in the real server). */
    static String gidOf(String body) {
        Matcher m = GID.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group();
    }

    /**
     * ChangeFeedInfo of pingcap/ticdc api/v2/model.go: id before keyspace (both always present),
     * resolved_ts is the checkpoint, then gid and maintainer_addr (when a maintainer runs it).
     */
    static String info(String id, String sinkUri, long ts, String state, String gid, String maintainer) {
        return info(id, sinkUri, ts, state, gid, maintainer, DEFAULT_CONFIG);
    }

    /**
     * The default config of a changefeed created over /api/v1 (pingcap/ticdc api/v1/api.go
     * getV2ChangefeedConfig): force_replicate and ignore_ineligible_table set, no mounter workers.
     */
    static final String V1_DEFAULT_CONFIG = DEFAULT_CONFIG
            .replace("\"case_sensitive\":false,", "\"case_sensitive\":false,\"force_replicate\":false,\"ignore_ineligible_table\":false,")
            .replace("\"worker_num\":16", "\"worker_num\":0");

    static String info(String id, String sinkUri, long ts, String state, String gid, String maintainer, String config) {
        return "{\"upstream_id\":" + UPSTREAM_ID + ",\"id\":\"" + id + "\",\"keyspace\":\"default\""
                + ",\"sink_uri\":\"" + sinkUri + "\",\"create_time\":\"" + CREATE_TIME + "\",\"start_ts\":" + ts
                + (state.equals("stopped") ? ",\"admin_job_type\":1" : "")
                + ",\"config\":" + config + ",\"state\":\"" + state + "\",\"creator_version\":\"v8.5.7\""
                + ",\"resolved_ts\":" + ts + ",\"checkpoint_ts\":" + ts + ",\"checkpoint_time\":\"" + START_TIME + "\""
                + gid + (maintainer == null ? "" : ",\"maintainer_addr\":\"" + maintainer + "\"") + "}";
    }

    /** ChangefeedCommonInfo of pingcap/ticdc api/v2/model.go: keyspace after id. */
    static String listItem(String id, String state, long checkpoint, String error) {
        return "{\"upstream_id\":" + UPSTREAM_ID + ",\"id\":\"" + id + "\",\"keyspace\":\"default\",\"state\":\"" + state
                + "\",\"checkpoint_tso\":" + checkpoint + ",\"checkpoint_time\":\"" + START_TIME + "\",\"error\":" + error + "}";
    }

    /** The address of the capture in slot 0 (the coordinator unless a test moves it). */
    String coordinatorAddress() {
        return fake.cluster().captures().get(0).address();
    }
}
