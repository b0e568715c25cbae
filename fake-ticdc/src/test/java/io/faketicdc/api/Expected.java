package io.faketicdc.api;

import io.faketicdc.Profile;
import io.faketicdc.internal.clock.Tso;
import io.faketicdc.internal.config.ApiSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

/**
 * Expected wire bodies of the changefeed routes, written out from the real default configs and
 * response structs (pingcap/tiflow pkg/config/replica_config.go; cdc/api/v2/model.go;
 * cdc/model/changefeed.go) so tests compare whole bodies byte for byte.
 */
final class Expected {
    private Expected() { }

    /** The default GC safepoint of a fake: ten minutes before {@link ApiTestBase#START}. */
    static final long GC_SAFEPOINT = Tso.of(ApiTestBase.START.minus(10, ChronoUnit.MINUTES));

    /** The one capture of a fake with the default seed (derived from the seed, stable). */
    static final String CAPTURE_ID = "b33dd2ee-d689-4416-8336-8e46b5b5e71c";

    /** One capture holding the fake upstream's four tables (test.t1..t4). */
    static final String TASK_STATUS = "[{\"capture_id\":\"" + CAPTURE_ID + "\",\"table_ids\":[104,106,108,110]}]";

    /** The default sink section of master (pingcap/tiflow pkg/config/replica_config.go; cdc/api/v2/model.go). */
    static final String DEFAULT_SINK = "{\"csv\":{\"delimiter\":\",\",\"quote\":\"\\\"\",\"null\":\"\\\\N\","
            + "\"include_commit_ts\":false,\"binary_encoding_method\":\"base64\",\"output_old_value\":false,"
            + "\"output_handle_key\":false,\"output_field_header\":false},\"encoder_concurrency\":32,"
            + "\"terminator\":\"\\r\\n\",\"date_separator\":\"day\",\"enable_partition_separator\":true,"
            + "\"enable_kafka_sink_v2\":false,\"only_output_updated_columns\":false,"
            + "\"delete_only_output_handle_key_columns\":false,\"content_compatible\":false,\"advance_timeout\":150,"
            + "\"send_bootstrap_interval_in_sec\":120,\"send_bootstrap_in_msg_count\":10000,"
            + "\"send_bootstrap_to_all_partition\":true,\"send-all-bootstrap-at-start\":false,"
            + "\"debezium_disable_schema\":false,\"debezium\":{\"output_old_value\":true},"
            + "\"open\":{\"output_old_value\":true}}";

    static final String DEFAULT_CONSISTENT = "{\"level\":\"none\",\"max_log_size\":64,\"flush_interval\":2000,"
            + "\"meta_flush_interval\":200,\"encoding_worker_num\":16,\"flush_worker_num\":8,\"use_file_backend\":false,"
            + "\"memory_usage\":{\"memory_quota_percentage\":50}}";

    static final String DEFAULT_TAIL = "\"scheduler\":{\"enable_table_across_nodes\":false,\"region_threshold\":100000,"
            + "\"write_key_threshold\":0},\"integrity\":{\"integrity_check_level\":\"none\","
            + "\"corruption_handle_level\":\"warn\"},\"changefeed_error_stuck_duration\":1800000000000,"
            + "\"synced_status\":{\"synced_check_interval\":300,\"checkpoint_interval\":15}}";

    static final String DEFAULT_HEAD = "{\"memory_quota\":1073741824,\"case_sensitive\":false,\"force_replicate\":false,"
            + "\"ignore_ineligible_table\":false,\"check_gc_safe_point\":true,\"enable_sync_point\":false,"
            + "\"enable_table_monitor\":false,\"bdr_mode\":false,\"sync_point_interval\":600000000000,"
            + "\"sync_point_retention\":86400000000000,\"filter\":{\"rules\":[\"*.*\"]},\"mounter\":{\"worker_num\":16},";

    /**
     * The master default config, compact, as the profile's data file holds it
     * (DefaultConfigProfilesTest checks the file against the reference and the pieces above).
     */
    static final String DEFAULT_CONFIG = defaultConfig(Profile.MASTER);

    /** A default mysql changefeed as GET returns it on master (pingcap/tiflow cdc/model/changefeed.go). */
    static final String MYSQL_READ_CONFIG = DEFAULT_HEAD
            + "\"sink\":{\"delete_only_output_handle_key_columns\":null,\"content_compatible\":null,\"advance_timeout\":150,"
            + "\"send_bootstrap_interval_in_sec\":120,\"send_bootstrap_in_msg_count\":10000,"
            + "\"send_bootstrap_to_all_partition\":true,\"send-all-bootstrap-at-start\":false,"
            + "\"debezium_disable_schema\":false,\"debezium\":{\"output_old_value\":true},"
            + "\"open\":{\"output_old_value\":true}},\"consistent\":" + DEFAULT_CONSISTENT + "," + DEFAULT_TAIL;

    /**
     * A default {@code kafka://...?protocol=canal-json} changefeed as GET returns it (pingcap/tiflow
     * cdc/model/changefeed.go).
     */
    static final String KAFKA_READ_CONFIG = "{\"memory_quota\":1073741824,\"case_sensitive\":false,\"force_replicate\":false,"
            + "\"ignore_ineligible_table\":false,\"check_gc_safe_point\":true,\"enable_table_monitor\":false,"
            + "\"filter\":{\"rules\":[\"*.*\"]},\"mounter\":{\"worker_num\":16},\"sink\":{\"protocol\":\"canal-json\","
            + "\"encoder_concurrency\":32,\"terminator\":\"\\r\\n\",\"enable_kafka_sink_v2\":false,"
            + "\"only_output_updated_columns\":false,\"delete_only_output_handle_key_columns\":false,"
            + "\"content_compatible\":false,\"advance_timeout\":150,\"send_bootstrap_interval_in_sec\":120,"
            + "\"send_bootstrap_in_msg_count\":10000,\"send_bootstrap_to_all_partition\":true,"
            + "\"send-all-bootstrap-at-start\":false,\"debezium_disable_schema\":false,"
            + "\"debezium\":{\"output_old_value\":true},\"open\":{\"output_old_value\":true}}," + DEFAULT_TAIL;

    /** The v7.3 default config, as the profile's data file holds it (pingcap/tiflow v7.3.0 pkg/config/replica_config.go). */
    static final String V73_DEFAULT_CONFIG = defaultConfig(Profile.V7_3);

    /**
     * A default v7.3 blackhole changefeed as GET returns it (trimmed; pingcap/tiflow v7.3.0
     * cdc/model/changefeed.go).
     */
    static final String V73_BLACKHOLE_READ_CONFIG = "{\"memory_quota\":1073741824,\"case_sensitive\":true,"
            + "\"enable_old_value\":true,\"force_replicate\":false,\"ignore_ineligible_table\":false,"
            + "\"check_gc_safe_point\":true,\"filter\":{\"rules\":[\"*.*\"]},\"mounter\":{\"worker_num\":16},"
            + "\"sink\":{\"terminator\":\"\\r\\n\",\"delete_only_output_handle_key_columns\":null},"
            + "\"scheduler\":{\"enable_table_across_nodes\":false,\"region_threshold\":100000,\"write_key_threshold\":0},"
            + "\"integrity\":{\"integrity_check_level\":\"none\",\"corruption_handle_level\":\"warn\"}}";

    /** A profile's default replica config, read from its data file under src/main/resources. */
    static String defaultConfig(Profile profile) {
        String path = ApiSchema.defaultReplicaConfigPath(profile);
        try (InputStream in = Expected.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A list item (ChangefeedCommonInfo, pingcap/tiflow cdc/api/v2/model.go) without an error. */
    static String listItem(String namespace, String id, String state, long checkpoint) {
        return "{\"upstream_id\":" + ApiTestBase.UPSTREAM_ID + ",\"namespace\":\"" + namespace + "\",\"id\":\"" + id
                + "\",\"state\":\"" + state + "\",\"checkpoint_tso\":" + Long.toUnsignedString(checkpoint)
                + ",\"checkpoint_time\":\"" + ApiTestBase.START_TIME + "\",\"error\":null}";
    }

    static Info info(String id, String sinkUri, long startTs) {
        return new Info(id, sinkUri, startTs);
    }

    /** ChangeFeedInfo (pingcap/tiflow cdc/api/v2/model.go): key order and omitempty as the real struct. */
    static final class Info {
        private String namespace = "default";
        private final String id;
        private final String sinkUri;
        private long startTs;
        private long targetTs;
        private int adminJobType;
        private String config = DEFAULT_CONFIG;
        private String state = "normal";
        private String version = "v8.5.0";
        private long resolvedTs;
        private long checkpointTs;
        private String taskStatus;
        private String checkpointTime = ApiTestBase.START_TIME;

        private Info(String id, String sinkUri, long startTs) {
            this.id = id;
            this.sinkUri = sinkUri;
            this.startTs = startTs;
            this.resolvedTs = startTs;
            this.checkpointTs = startTs;
        }

        Info namespace(String ns) { this.namespace = ns; return this; }
        Info startTs(long ts) { this.startTs = ts; return this; }
        Info targetTs(long ts) { this.targetTs = ts; return this; }
        Info config(String c) { this.config = c; return this; }
        Info version(String v) { this.version = v; return this; }
        Info resolvedTs(long ts) { this.resolvedTs = ts; return this; }
        Info checkpointTs(long ts) { this.checkpointTs = ts; return this; }
        Info checkpointTime(String t) { this.checkpointTime = t; return this; }
        Info taskStatus() { this.taskStatus = TASK_STATUS; return this; }

        /** As after a pause: stopped, admin job 1 (stop), resolved_ts 0. */
        Info stopped() {
            this.state = "stopped";
            this.adminJobType = 1;
            this.resolvedTs = 0;
            return this;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("{");
            b.append("\"upstream_id\":").append(ApiTestBase.UPSTREAM_ID);
            b.append(",\"namespace\":\"").append(namespace).append('"');
            b.append(",\"id\":\"").append(id).append('"');
            b.append(",\"sink_uri\":\"").append(sinkUri.replace("&", "\\u0026")).append('"');
            b.append(",\"create_time\":\"").append(ApiTestBase.CREATE_TIME).append('"');
            b.append(",\"start_ts\":").append(Long.toUnsignedString(startTs));
            if (targetTs != 0) b.append(",\"target_ts\":").append(Long.toUnsignedString(targetTs));
            if (adminJobType != 0) b.append(",\"admin_job_type\":").append(adminJobType);
            b.append(",\"config\":").append(config);
            b.append(",\"state\":\"").append(state).append('"');
            b.append(",\"creator_version\":\"").append(version).append('"');
            b.append(",\"resolved_ts\":").append(Long.toUnsignedString(resolvedTs));
            b.append(",\"checkpoint_ts\":").append(Long.toUnsignedString(checkpointTs));
            b.append(",\"checkpoint_time\":\"").append(checkpointTime).append('"');
            if (taskStatus != null) b.append(",\"task_status\":").append(taskStatus);
            return b.append('}').toString();
        }
    }
}
