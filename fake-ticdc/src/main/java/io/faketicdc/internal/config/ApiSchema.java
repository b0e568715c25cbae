package io.faketicdc.internal.config;

import io.faketicdc.Profile;
import io.faketicdc.internal.json.GoBinder;
import io.faketicdc.internal.json.GoJsonReader;
import io.faketicdc.internal.json.GoJsonSyntaxException;
import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.GoType.Struct;
import java.nio.charset.StandardCharsets;

/**
 * The request types, the default replica config and the traits of one profile. Immutable and shared by
 * every fake of that profile (the default is copied before anyone changes it).
 */
public final class ApiSchema {
    /** REFERENCE 8.1: the config of a changefeed created on master with no replica_config. */
    static final String MASTER_DEFAULT = "{\"memory_quota\":1073741824,\"case_sensitive\":false,\"force_replicate\":false,"
            + "\"ignore_ineligible_table\":false,\"check_gc_safe_point\":true,\"enable_sync_point\":false,"
            + "\"enable_table_monitor\":false,\"bdr_mode\":false,\"sync_point_interval\":600000000000,"
            + "\"sync_point_retention\":86400000000000,\"filter\":{\"rules\":[\"*.*\"]},\"mounter\":{\"worker_num\":16},"
            + "\"sink\":{\"csv\":{\"delimiter\":\",\",\"quote\":\"\\\"\",\"null\":\"\\\\N\",\"include_commit_ts\":false,"
            + "\"binary_encoding_method\":\"base64\",\"output_old_value\":false,\"output_handle_key\":false,"
            + "\"output_field_header\":false},\"encoder_concurrency\":32,\"terminator\":\"\\r\\n\",\"date_separator\":\"day\","
            + "\"enable_partition_separator\":true,\"enable_kafka_sink_v2\":false,\"only_output_updated_columns\":false,"
            + "\"delete_only_output_handle_key_columns\":false,\"content_compatible\":false,\"advance_timeout\":150,"
            + "\"send_bootstrap_interval_in_sec\":120,\"send_bootstrap_in_msg_count\":10000,"
            + "\"send_bootstrap_to_all_partition\":true,\"send-all-bootstrap-at-start\":false,"
            + "\"debezium_disable_schema\":false,\"debezium\":{\"output_old_value\":true},\"open\":{\"output_old_value\":true}},"
            + "\"consistent\":{\"level\":\"none\",\"max_log_size\":64,\"flush_interval\":2000,\"meta_flush_interval\":200,"
            + "\"encoding_worker_num\":16,\"flush_worker_num\":8,\"use_file_backend\":false,"
            + "\"memory_usage\":{\"memory_quota_percentage\":50}},\"scheduler\":{\"enable_table_across_nodes\":false,"
            + "\"region_threshold\":100000,\"write_key_threshold\":0},\"integrity\":{\"integrity_check_level\":\"none\","
            + "\"corruption_handle_level\":\"warn\"},\"changefeed_error_stuck_duration\":1800000000000,"
            + "\"synced_status\":{\"synced_check_interval\":300,\"checkpoint_interval\":15}}";

    /** REFERENCE 8.2: the same for v7.3. */
    static final String V73_DEFAULT = "{\"memory_quota\":1073741824,\"case_sensitive\":true,\"enable_old_value\":true,"
            + "\"force_replicate\":false,\"ignore_ineligible_table\":false,\"check_gc_safe_point\":true,"
            + "\"enable_sync_point\":false,\"bdr_mode\":false,\"sync_point_interval\":600000000000,"
            + "\"sync_point_retention\":86400000000000,\"filter\":{\"rules\":[\"*.*\"]},\"mounter\":{\"worker_num\":16},"
            + "\"sink\":{\"csv\":{\"delimiter\":\",\",\"quote\":\"\\\"\",\"null\":\"\\\\N\",\"include_commit_ts\":false,"
            + "\"binary_encoding_method\":\"base64\"},\"encoder_concurrency\":16,\"terminator\":\"\\r\\n\","
            + "\"date_separator\":\"day\",\"enable_partition_separator\":true,\"enable_kafka_sink_v2\":false,"
            + "\"only_output_updated_columns\":false,\"delete_only_output_handle_key_columns\":false},"
            + "\"consistent\":{\"level\":\"none\",\"max_log_size\":64,\"flush_interval\":2000,\"use_file_backend\":false},"
            + "\"scheduler\":{\"enable_table_across_nodes\":false,\"region_threshold\":100000,\"write_key_threshold\":0},"
            + "\"integrity\":{\"integrity_check_level\":\"none\",\"corruption_handle_level\":\"warn\"}}";

    private static final class Holder {
        static final ApiSchema MASTER = new ApiSchema(Profile.MASTER, ProfileTraits.MASTER, MasterApiTypes.CHANGEFEED_CONFIG,
                MasterApiTypes.REPLICA_CONFIG, MasterApiTypes.RESUME_CHANGEFEED_CONFIG, MasterApiTypes.UPSTREAM_CONFIG,
                MasterApiTypes.VERIFY_TABLE_CONFIG, MasterApiTypes.RESOLVE_LOCK_REQ, MASTER_DEFAULT);
    }

    private static final class V73Holder {
        static final ApiSchema V7_3 = new ApiSchema(Profile.V7_3, ProfileTraits.V7_3, V73ApiTypes.CHANGEFEED_CONFIG,
                V73ApiTypes.REPLICA_CONFIG, V73ApiTypes.RESUME_CHANGEFEED_CONFIG, V73ApiTypes.UPSTREAM_CONFIG,
                V73ApiTypes.VERIFY_TABLE_CONFIG, V73ApiTypes.RESOLVE_LOCK_REQ, V73_DEFAULT);
    }

    private final Profile profile;
    private final ProfileTraits traits;
    private final Struct changefeedConfig;
    private final Struct replicaConfig;
    private final Struct resumeConfig;
    private final Struct upstreamConfig;
    private final Struct verifyTableConfig;
    private final Struct resolveLockReq;
    private final GoStruct defaultReplicaConfig;

    private ApiSchema(Profile profile, ProfileTraits traits, Struct changefeedConfig, Struct replicaConfig, Struct resumeConfig,
                      Struct upstreamConfig, Struct verifyTableConfig, Struct resolveLockReq, String defaults) {
        this.profile = profile;
        this.traits = traits;
        this.changefeedConfig = changefeedConfig;
        this.replicaConfig = replicaConfig;
        this.resumeConfig = resumeConfig;
        this.upstreamConfig = upstreamConfig;
        this.verifyTableConfig = verifyTableConfig;
        this.resolveLockReq = resolveLockReq;
        try {
            this.defaultReplicaConfig = (GoStruct) GoBinder.decode(
                    GoJsonReader.read(defaults.getBytes(StandardCharsets.UTF_8)), replicaConfig, replicaConfig.zero());
        } catch (GoJsonSyntaxException e) {
            throw new IllegalStateException("built-in default config does not bind: " + e.getMessage(), e);
        }
    }

    public static ApiSchema of(Profile profile) {
        return profile == Profile.V7_3 ? V73Holder.V7_3 : Holder.MASTER;
    }

    public Profile profile() { return profile; }
    public ProfileTraits traits() { return traits; }
    public Struct changefeedConfig() { return changefeedConfig; }
    public Struct replicaConfig() { return replicaConfig; }
    public Struct resumeConfig() { return resumeConfig; }
    public Struct upstreamConfig() { return upstreamConfig; }
    public Struct verifyTableConfig() { return verifyTableConfig; }
    public Struct resolveLockReq() { return resolveLockReq; }

    /** A fresh, modifiable copy of the profile's default API replica config. */
    public GoStruct defaultReplicaConfig() {
        return defaultReplicaConfig.copy();
    }
}
