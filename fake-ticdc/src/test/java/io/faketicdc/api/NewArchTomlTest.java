package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v2/changefeeds/{id}} with {@code Accept: application/toml} on the new
 * architecture (pingcap/ticdc api/v2/helper.go wantsTOML, respondWithFormat; the toml tags of
 * api/v2/model.go; BurntSushi/toml v1.6.0 encode.go): plain values before tables, a blank line
 * before a top-level table only, numbers never omitted, no gid, durations as text.
 */
class NewArchTomlTest extends NewArchTestBase {
    /** The default config as TOML: plain values first, then the tables, two spaces per level. */
    static final String CONFIG = ""
            + "[config]\n"
            + "  performance-mode = \"throughput\"\n"
            + "  memory-quota = 1073741824\n"
            + "  case-sensitive = false\n"
            + "  check-gc-safe-point = true\n"
            + "  enable-sync-point = false\n"
            + "  enable-table-monitor = false\n"
            + "  bdr-mode = false\n"
            + "  enable-active-active = false\n"
            + "  active-active-progress-interval = \"30m0s\"\n"
            + "  active-active-sync-stats-interval = \"1m0s\"\n"
            + "  sync-point-interval = \"10m0s\"\n"
            + "  sync-point-retention = \"24h0m0s\"\n"
            + "  changefeed-error-stuck-duration = \"30m0s\"\n"
            + "  [config.filter]\n"
            + "    rules = [\"*.*\"]\n"
            + "  [config.mounter]\n"
            + "    worker-num = 16\n"
            + "  [config.sink]\n"
            + "    encoder-concurrency = 32\n"
            + "    terminator = \"\\r\\n\"\n"
            + "    date-separator = \"day\"\n"
            + "    enable-partition-separator = true\n"
            + "    only-output-updated-columns = false\n"
            + "    delete-only-output-handle-key-columns = false\n"
            + "    content-compatible = false\n"
            + "    advance-timeout-in-sec = 150\n"
            + "    send-bootstrap-interval-in-sec = 120\n"
            + "    send-bootstrap-in-msg-count = 10000\n"
            + "    send-bootstrap-to-all-partition = true\n"
            + "    send-all-bootstrap-at-start = false\n"
            + "    debezium-disable-schema = false\n"
            + "    [config.sink.csv]\n"
            + "      delimiter = \",\"\n"
            + "      quote = \"\\\"\"\n"
            + "      null = \"\\\\N\"\n"
            + "      include-commit-ts = false\n"
            + "      binary-encoding-method = \"base64\"\n"
            + "      output-old-value = false\n"
            + "      output-handle-key = false\n"
            + "      output-field-header = false\n"
            + "    [config.sink.debezium]\n"
            + "      output-old-value = true\n"
            + "    [config.sink.open]\n"
            + "      output-old-value = true\n"
            + "  [config.consistent]\n"
            + "    level = \"none\"\n"
            + "    max-log-size = 64\n"
            + "    flush-interval = 2000\n"
            + "    meta-flush-interval = 200\n"
            + "    encoding-worker-num = 16\n"
            + "    flush-worker-num = 8\n"
            + "    storage = \"\"\n"
            + "    use-file-backend = false\n"
            + "    compression = \"\"\n"
            + "    [config.consistent.memory-usage]\n"
            + "      memory-quota-percentage = 50\n"
            + "  [config.scheduler]\n"
            + "    enable-table-across-nodes = false\n"
            + "    region-threshold = 10000\n"
            + "    region-count-per-span = 100\n"
            + "    region-count-refresh-interval = \"5m0s\"\n"
            + "    write-key-threshold = 0\n"
            + "    scheduling-task-count-per-node = 20\n"
            + "    enable-splittable-check = false\n"
            + "    force-split = false\n"
            + "    balance-score-threshold = 20\n"
            + "    min-traffic-percentage = 0.8\n"
            + "    max-traffic-percentage = 1.25\n"
            + "  [config.integrity]\n"
            + "    integrity-check-level = \"none\"\n"
            + "    corruption-handle-level = \"warn\"\n"
            + "  [config.synced-status]\n"
            + "    synced-check-interval = 300\n"
            + "    checkpoint-interval = 15\n";

    private String head(String state, String adminJob, String maintainer) {
        return "upstream-id = " + UPSTREAM_ID + "\n"
                + "id = \"cf1\"\n"
                + "keyspace = \"default\"\n"
                + "sink-uri = \"blackhole:\"\n"
                + "create-time = " + CREATE_TIME + "\n"
                + "start-ts = " + START_TSO + "\n"
                + "target-ts = 0\n"
                + "admin-job-type = " + adminJob + "\n"
                + "state = \"" + state + "\"\n"
                + "creator-version = \"v8.5.7\"\n"
                + "resolved-ts = " + START_TSO + "\n"
                + "checkpoint-ts = " + START_TSO + "\n"
                + "checkpoint-time = \"" + START_TIME + "\"\n"
                + (maintainer == null ? "" : "maintainer-addr = \"" + maintainer + "\"\n")
                + "\n";
    }

    private void assertToml(Http.Response r, String body) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/toml; charset=utf-8");
        assertThat(r.body()).isEqualTo(body);
    }

    @Test
    void the_detail_is_toml_when_asked_for() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertToml(send("GET", CHANGEFEEDS + "/cf1", null, "Accept: application/toml"),
                head("normal", "0", coordinatorAddress()) + CONFIG);
    }

    @Test
    void the_accept_header_is_matched_in_any_case_and_with_parameters() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertThat(send("GET", CHANGEFEEDS + "/cf1", null, "Accept: Application/TOML; charset=utf-8").body())
                .startsWith("upstream-id = ");
        assertThat(send("GET", V1_CHANGEFEEDS + "/cf1", null, "Accept: application/toml").body()).startsWith("upstream-id = ");
        assertThat(send("GET", CHANGEFEEDS + "/cf1", null, "Accept: application/json").body()).startsWith("{");
        assertThat(send("GET", CHANGEFEEDS, null, "Accept: application/toml").body()).startsWith("{\"total\"");
    }

    @Test
    void a_failed_changefeeds_error_is_a_table_of_go_field_names_with_the_zero_time() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        fake.changefeed("cf1").fail("CDC:ErrSinkURIInvalid", "boom \"x\"");
        Http.Response r = send("GET", CHANGEFEEDS + "/cf1", null, "Accept: application/toml");
        String addr = fake.cluster().captures().get(0).address();
        assertToml(r, head("failed", "1", null) + CONFIG + "\n[error]\n  Time = 0001-01-01T00:00:00Z\n  Addr = \"" + addr
                + "\"\n  Code = \"CDC:ErrSinkURIInvalid\"\n  Message = \"boom \\\"x\\\"\"\n");
        assertThat(get(CHANGEFEEDS + "/cf1").body()).contains("\"error\":{\"time\":\"0001-01-01T00:00:00Z\",\"addr\":\"" + addr
                + "\",\"code\":\"CDC:ErrSinkURIInvalid\",\"message\":\"boom \\\"x\\\"\"}");
    }

    @Test
    void any_other_accept_header_gets_json() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertThat(send("GET", CHANGEFEEDS + "/cf1", null, "Accept: text/html").body()).startsWith("{");
    }
}
