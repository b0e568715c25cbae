package io.faketicdc.internal.config;

import io.faketicdc.internal.json.GoType.Duration;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Slice;
import io.faketicdc.internal.json.GoType.StringMap;
import io.faketicdc.internal.json.GoType.Struct;
import java.util.List;

/**
 * Generated from the field lists of {@code cdc/api/v2/model.go} (pingcap/tiflow v7.3.0): JSON keys, Go types and
 * omitempty flags, in declaration order (generated; keep edits mechanical).
 */
public final class V73ApiTypes {
    private V73ApiTypes() { }

    static final Duration DURATION = new Duration("v2.JSONDuration");
    public static final Struct CHANGEFEED_CONFIG = new Struct("v2.ChangefeedConfig");
    public static final Struct REPLICA_CONFIG = new Struct("v2.ReplicaConfig");
    public static final Struct JSON_DURATION = MasterApiTypes.JSON_DURATION;
    public static final Struct FILTER_CONFIG = new Struct("v2.FilterConfig");
    public static final Struct MYSQL_REPLICATION_RULES = new Struct("v2.MySQLReplicationRules");
    public static final Struct TABLE = new Struct("v2.Table");
    public static final Struct EVENT_FILTER_RULE = MasterApiTypes.EVENT_FILTER_RULE;
    public static final Struct MOUNTER_CONFIG = MasterApiTypes.MOUNTER_CONFIG;
    public static final Struct SINK_CONFIG = new Struct("v2.SinkConfig");
    public static final Struct CSV_CONFIG = new Struct("v2.CSVConfig");
    public static final Struct DISPATCH_RULE = new Struct("v2.DispatchRule");
    public static final Struct COLUMN_SELECTOR = MasterApiTypes.COLUMN_SELECTOR;
    public static final Struct KAFKA_CONFIG = new Struct("v2.KafkaConfig");
    public static final Struct CODEC_CONFIG = new Struct("v2.CodecConfig");
    public static final Struct LARGE_MESSAGE_HANDLE_CONFIG = new Struct("v2.LargeMessageHandleConfig");
    public static final Struct MYSQL_CONFIG = MasterApiTypes.MYSQL_CONFIG;
    public static final Struct CLOUD_STORAGE_CONFIG = new Struct("v2.CloudStorageConfig");
    public static final Struct CONSISTENT_CONFIG = new Struct("v2.ConsistentConfig");
    public static final Struct CHANGEFEED_SCHEDULER_CONFIG = MasterApiTypes.CHANGEFEED_SCHEDULER_CONFIG;
    public static final Struct INTEGRITY_CONFIG = MasterApiTypes.INTEGRITY_CONFIG;
    public static final Struct PD_CONFIG = MasterApiTypes.PD_CONFIG;
    public static final Struct RESUME_CHANGEFEED_CONFIG = new Struct("v2.ResumeChangefeedConfig");
    public static final Struct UPSTREAM_CONFIG = new Struct("v2.UpstreamConfig");
    public static final Struct VERIFY_TABLE_CONFIG = new Struct("v2.VerifyTableConfig");
    public static final Struct RESOLVE_LOCK_REQ = new Struct("v2.ResolveLockReq");

    static {
        CHANGEFEED_CONFIG.fields(List.of(
                Field.of("namespace", Scalar.STRING),
                Field.of("changefeed_id", Scalar.STRING),
                Field.of("start_ts", Scalar.UINT64),
                Field.of("target_ts", Scalar.UINT64),
                Field.of("sink_uri", Scalar.STRING),
                Field.of("replica_config", new Pointer(REPLICA_CONFIG)),
                Field.omit("pd_addrs", new Slice(Scalar.STRING)),
                Field.of("ca_path", Scalar.STRING),
                Field.of("cert_path", Scalar.STRING),
                Field.of("key_path", Scalar.STRING),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING))));
        REPLICA_CONFIG.fields(List.of(
                Field.of("memory_quota", Scalar.UINT64),
                Field.of("case_sensitive", Scalar.BOOL),
                Field.of("enable_old_value", Scalar.BOOL),
                Field.of("force_replicate", Scalar.BOOL),
                Field.of("ignore_ineligible_table", Scalar.BOOL),
                Field.of("check_gc_safe_point", Scalar.BOOL),
                Field.omit("enable_sync_point", new Pointer(Scalar.BOOL)),
                Field.omit("bdr_mode", new Pointer(Scalar.BOOL)),
                Field.omit("sync_point_interval", new Pointer(DURATION)),
                Field.omit("sync_point_retention", new Pointer(DURATION)),
                Field.of("filter", new Pointer(FILTER_CONFIG)),
                Field.of("mounter", new Pointer(MOUNTER_CONFIG)),
                Field.of("sink", new Pointer(SINK_CONFIG)),
                Field.omit("consistent", new Pointer(CONSISTENT_CONFIG)),
                Field.of("scheduler", new Pointer(CHANGEFEED_SCHEDULER_CONFIG)),
                Field.of("integrity", new Pointer(INTEGRITY_CONFIG))));
        FILTER_CONFIG.fields(List.of(
                Field.omit("do_tables", new Slice(new Pointer(TABLE))),
                Field.omit("do_dbs", new Slice(Scalar.STRING)),
                Field.omit("ignore_tables", new Slice(new Pointer(TABLE))),
                Field.omit("ignore_dbs", new Slice(Scalar.STRING)),
                Field.omit("rules", new Slice(Scalar.STRING)),
                Field.omit("ignore_txn_start_ts", new Slice(Scalar.UINT64)),
                Field.omit("event_filters", new Slice(EVENT_FILTER_RULE))));
        MYSQL_REPLICATION_RULES.fields(List.of(
                Field.omit("do_tables", new Slice(new Pointer(TABLE))),
                Field.omit("do_dbs", new Slice(Scalar.STRING)),
                Field.omit("ignore_tables", new Slice(new Pointer(TABLE))),
                Field.omit("ignore_dbs", new Slice(Scalar.STRING))));
        TABLE.fields(List.of(
                Field.of("database_name", Scalar.STRING),
                Field.of("table_name", Scalar.STRING)));
        SINK_CONFIG.fields(List.of(
                Field.omit("protocol", new Pointer(Scalar.STRING)),
                Field.omit("schema_registry", new Pointer(Scalar.STRING)),
                Field.omit("csv", new Pointer(CSV_CONFIG)),
                Field.omit("dispatchers", new Slice(new Pointer(DISPATCH_RULE))),
                Field.omit("column_selectors", new Slice(new Pointer(COLUMN_SELECTOR))),
                Field.omit("transaction_atomicity", new Pointer(Scalar.STRING)),
                Field.omit("encoder_concurrency", new Pointer(Scalar.INT)),
                Field.omit("terminator", new Pointer(Scalar.STRING)),
                Field.omit("date_separator", new Pointer(Scalar.STRING)),
                Field.omit("enable_partition_separator", new Pointer(Scalar.BOOL)),
                Field.omit("file_index_width", new Pointer(Scalar.INT)),
                Field.omit("enable_kafka_sink_v2", new Pointer(Scalar.BOOL)),
                Field.omit("only_output_updated_columns", new Pointer(Scalar.BOOL)),
                Field.of("delete_only_output_handle_key_columns", new Pointer(Scalar.BOOL)),
                Field.omit("safe_mode", new Pointer(Scalar.BOOL)),
                Field.omit("kafka_config", new Pointer(KAFKA_CONFIG)),
                Field.omit("mysql_config", new Pointer(MYSQL_CONFIG)),
                Field.omit("cloud_storage_config", new Pointer(CLOUD_STORAGE_CONFIG))));
        CSV_CONFIG.fields(List.of(
                Field.of("delimiter", Scalar.STRING),
                Field.of("quote", Scalar.STRING),
                Field.of("null", Scalar.STRING),
                Field.of("include_commit_ts", Scalar.BOOL),
                Field.of("binary_encoding_method", Scalar.STRING)));
        DISPATCH_RULE.fields(List.of(
                Field.omit("matcher", new Slice(Scalar.STRING)),
                Field.of("partition", Scalar.STRING),
                Field.of("topic", Scalar.STRING)));
        KAFKA_CONFIG.fields(List.of(
                Field.omit("partition_num", new Pointer(Scalar.INT32)),
                Field.omit("replication_factor", new Pointer(Scalar.INT16)),
                Field.omit("kafka_version", new Pointer(Scalar.STRING)),
                Field.omit("max_message_bytes", new Pointer(Scalar.INT)),
                Field.omit("compression", new Pointer(Scalar.STRING)),
                Field.omit("kafka_client_id", new Pointer(Scalar.STRING)),
                Field.omit("auto_create_topic", new Pointer(Scalar.BOOL)),
                Field.omit("dial_timeout", new Pointer(Scalar.STRING)),
                Field.omit("write_timeout", new Pointer(Scalar.STRING)),
                Field.omit("read_timeout", new Pointer(Scalar.STRING)),
                Field.omit("required_acks", new Pointer(Scalar.INT)),
                Field.omit("sasl_user", new Pointer(Scalar.STRING)),
                Field.omit("sasl_password", new Pointer(Scalar.STRING)),
                Field.omit("sasl_mechanism", new Pointer(Scalar.STRING)),
                Field.omit("sasl_gssapi_auth_type", new Pointer(Scalar.STRING)),
                Field.omit("sasl_gssapi_keytab_path", new Pointer(Scalar.STRING)),
                Field.omit("sasl_gssapi_kerberos_config_path", new Pointer(Scalar.STRING)),
                Field.omit("sasl_gssapi_service_name", new Pointer(Scalar.STRING)),
                Field.omit("sasl_gssapi_user", new Pointer(Scalar.STRING)),
                Field.omit("sasl_gssapi_password", new Pointer(Scalar.STRING)),
                Field.omit("sasl_gssapi_realm", new Pointer(Scalar.STRING)),
                Field.omit("sasl_gssapi_disable_pafxfast", new Pointer(Scalar.BOOL)),
                Field.omit("sasl_oauth_client_id", new Pointer(Scalar.STRING)),
                Field.omit("sasl_oauth_client_secret", new Pointer(Scalar.STRING)),
                Field.omit("sasl_oauth_token_url", new Pointer(Scalar.STRING)),
                Field.omit("sasl_oauth_scopes", new Slice(Scalar.STRING)),
                Field.omit("sasl_oauth_grant_type", new Pointer(Scalar.STRING)),
                Field.omit("sasl_oauth_audience", new Pointer(Scalar.STRING)),
                Field.omit("enable_tls", new Pointer(Scalar.BOOL)),
                Field.omit("ca", new Pointer(Scalar.STRING)),
                Field.omit("cert", new Pointer(Scalar.STRING)),
                Field.omit("key", new Pointer(Scalar.STRING)),
                Field.omit("insecure_skip_verify", new Pointer(Scalar.BOOL)),
                Field.omit("codec_config", new Pointer(CODEC_CONFIG)),
                Field.omit("large_message_handle", new Pointer(LARGE_MESSAGE_HANDLE_CONFIG))));
        CODEC_CONFIG.fields(List.of(
                Field.omit("enable_tidb_extension", new Pointer(Scalar.BOOL)),
                Field.omit("max_batch_size", new Pointer(Scalar.INT)),
                Field.of("avro_enable_watermark", new Pointer(Scalar.BOOL)),
                Field.omit("avro_decimal_handling_mode", new Pointer(Scalar.STRING)),
                Field.omit("avro_bigint_unsigned_handling_mode", new Pointer(Scalar.STRING))));
        LARGE_MESSAGE_HANDLE_CONFIG.fields(List.of(
                Field.of("large_message_handle_option", Scalar.STRING),
                Field.of("claim_check_storage_uri", Scalar.STRING),
                Field.of("claim_check_compression", Scalar.STRING)));
        CLOUD_STORAGE_CONFIG.fields(List.of(
                Field.omit("worker_count", new Pointer(Scalar.INT)),
                Field.omit("flush_interval", new Pointer(Scalar.STRING)),
                Field.omit("file_size", new Pointer(Scalar.INT)),
                Field.omit("output_column_id", new Pointer(Scalar.BOOL))));
        CONSISTENT_CONFIG.fields(List.of(
                Field.omit("level", Scalar.STRING),
                Field.of("max_log_size", Scalar.INT64),
                Field.of("flush_interval", Scalar.INT64),
                Field.omit("storage", Scalar.STRING),
                Field.of("use_file_backend", Scalar.BOOL)));
        RESUME_CHANGEFEED_CONFIG.fields(List.of(
                Field.omit("pd_addrs", new Slice(Scalar.STRING)),
                Field.of("ca_path", Scalar.STRING),
                Field.of("cert_path", Scalar.STRING),
                Field.of("key_path", Scalar.STRING),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING)),
                Field.of("overwrite_checkpoint_ts", Scalar.UINT64)));
        UPSTREAM_CONFIG.fields(List.of(
                Field.of("id", Scalar.UINT64),
                Field.omit("pd_addrs", new Slice(Scalar.STRING)),
                Field.of("ca_path", Scalar.STRING),
                Field.of("cert_path", Scalar.STRING),
                Field.of("key_path", Scalar.STRING),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING))));
        VERIFY_TABLE_CONFIG.fields(List.of(
                Field.omit("pd_addrs", new Slice(Scalar.STRING)),
                Field.of("ca_path", Scalar.STRING),
                Field.of("cert_path", Scalar.STRING),
                Field.of("key_path", Scalar.STRING),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING)),
                Field.of("replica_config", new Pointer(REPLICA_CONFIG)),
                Field.of("start_ts", Scalar.UINT64)));
        RESOLVE_LOCK_REQ.fields(List.of(
                Field.omit("region_id", Scalar.UINT64),
                Field.omit("ts", Scalar.UINT64),
                Field.omit("pd_addrs", new Slice(Scalar.STRING)),
                Field.of("ca_path", Scalar.STRING),
                Field.of("cert_path", Scalar.STRING),
                Field.of("key_path", Scalar.STRING),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING))));
    }
}
