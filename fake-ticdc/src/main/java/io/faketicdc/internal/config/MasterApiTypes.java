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
 * Generated from the field lists of {@code cdc/api/v2/model.go} (pingcap/tiflow master c7b2588ef6c74ef2a42ef35a539251d026de722e): JSON keys, Go types and
 * omitempty flags, in declaration order (generated; keep edits mechanical).
 */
public final class MasterApiTypes {
    private MasterApiTypes() { }

    static final Duration DURATION = new Duration("v2.JSONDuration");
    public static final Struct CHANGEFEED_CONFIG = new Struct("v2.ChangefeedConfig");
    public static final Struct REPLICA_CONFIG = new Struct("v2.ReplicaConfig");
    public static final Struct JSON_DURATION = new Struct("v2.JSONDuration");
    public static final Struct FILTER_CONFIG = new Struct("v2.FilterConfig");
    public static final Struct EVENT_FILTER_RULE = new Struct("v2.EventFilterRule");
    public static final Struct MOUNTER_CONFIG = new Struct("v2.MounterConfig");
    public static final Struct SINK_CONFIG = new Struct("v2.SinkConfig");
    public static final Struct CSV_CONFIG = new Struct("v2.CSVConfig");
    public static final Struct DISPATCH_RULE = new Struct("v2.DispatchRule");
    public static final Struct COLUMN_SELECTOR = new Struct("v2.ColumnSelector");
    public static final Struct KAFKA_CONFIG = new Struct("v2.KafkaConfig");
    public static final Struct CODEC_CONFIG = new Struct("v2.CodecConfig");
    public static final Struct LARGE_MESSAGE_HANDLE_CONFIG = new Struct("v2.LargeMessageHandleConfig");
    public static final Struct GLUE_SCHEMA_REGISTRY_CONFIG = new Struct("v2.GlueSchemaRegistryConfig");
    public static final Struct PULSAR_CONFIG = new Struct("v2.PulsarConfig");
    public static final Struct PULSARO_AUTH2 = new Struct("v2.PulsarOAuth2");
    public static final Struct MYSQL_CONFIG = new Struct("v2.MySQLConfig");
    public static final Struct CLOUD_STORAGE_CONFIG = new Struct("v2.CloudStorageConfig");
    public static final Struct DEBEZIUM_CONFIG = new Struct("v2.DebeziumConfig");
    public static final Struct OPEN_PROTOCOL_CONFIG = new Struct("v2.OpenProtocolConfig");
    public static final Struct CONSISTENT_CONFIG = new Struct("v2.ConsistentConfig");
    public static final Struct CONSISTENT_MEMORY_USAGE = new Struct("v2.ConsistentMemoryUsage");
    public static final Struct CHANGEFEED_SCHEDULER_CONFIG = new Struct("v2.ChangefeedSchedulerConfig");
    public static final Struct INTEGRITY_CONFIG = new Struct("v2.IntegrityConfig");
    public static final Struct SYNCED_STATUS_CONFIG = new Struct("v2.SyncedStatusConfig");
    public static final Struct PD_CONFIG = new Struct("v2.PDConfig");
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
                Field.omit("pd_addrs", new Slice(Scalar.STRING)).in("PDConfig"),
                Field.of("ca_path", Scalar.STRING).in("PDConfig"),
                Field.of("cert_path", Scalar.STRING).in("PDConfig"),
                Field.of("key_path", Scalar.STRING).in("PDConfig"),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING)).in("PDConfig")));
        REPLICA_CONFIG.fields(List.of(
                Field.of("memory_quota", Scalar.UINT64),
                Field.of("case_sensitive", Scalar.BOOL),
                Field.of("force_replicate", Scalar.BOOL),
                Field.of("ignore_ineligible_table", Scalar.BOOL),
                Field.of("check_gc_safe_point", Scalar.BOOL),
                Field.omit("enable_sync_point", new Pointer(Scalar.BOOL)),
                Field.omit("enable_table_monitor", new Pointer(Scalar.BOOL)),
                Field.omit("bdr_mode", new Pointer(Scalar.BOOL)),
                Field.omit("sync_point_interval", new Pointer(DURATION)),
                Field.omit("sync_point_retention", new Pointer(DURATION)),
                Field.of("filter", new Pointer(FILTER_CONFIG)),
                Field.of("mounter", new Pointer(MOUNTER_CONFIG)),
                Field.of("sink", new Pointer(SINK_CONFIG)),
                Field.omit("consistent", new Pointer(CONSISTENT_CONFIG)),
                Field.of("scheduler", new Pointer(CHANGEFEED_SCHEDULER_CONFIG)),
                Field.of("integrity", new Pointer(INTEGRITY_CONFIG)),
                Field.omit("changefeed_error_stuck_duration", new Pointer(DURATION)),
                Field.omit("synced_status", new Pointer(SYNCED_STATUS_CONFIG)),
                Field.omit("sql_mode", Scalar.STRING)));
        JSON_DURATION.fields(List.of(
));
        FILTER_CONFIG.fields(List.of(
                Field.omit("rules", new Slice(Scalar.STRING)),
                Field.omit("ignore_txn_start_ts", new Slice(Scalar.UINT64)),
                Field.omit("event_filters", new Slice(EVENT_FILTER_RULE))));
        EVENT_FILTER_RULE.fields(List.of(
                Field.of("matcher", new Slice(Scalar.STRING)),
                Field.of("ignore_event", new Slice(Scalar.STRING)),
                Field.of("ignore_sql", new Slice(Scalar.STRING)),
                Field.of("ignore_insert_value_expr", Scalar.STRING),
                Field.of("ignore_update_new_value_expr", Scalar.STRING),
                Field.of("ignore_update_old_value_expr", Scalar.STRING),
                Field.of("ignore_delete_value_expr", Scalar.STRING)));
        MOUNTER_CONFIG.fields(List.of(
                Field.of("worker_num", Scalar.INT)));
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
                Field.of("content_compatible", new Pointer(Scalar.BOOL)),
                Field.omit("safe_mode", new Pointer(Scalar.BOOL)),
                Field.omit("kafka_config", new Pointer(KAFKA_CONFIG)),
                Field.omit("pulsar_config", new Pointer(PULSAR_CONFIG)),
                Field.omit("mysql_config", new Pointer(MYSQL_CONFIG)),
                Field.omit("cloud_storage_config", new Pointer(CLOUD_STORAGE_CONFIG)),
                Field.omit("advance_timeout", new Pointer(Scalar.UINT)),
                Field.omit("send_bootstrap_interval_in_sec", new Pointer(Scalar.INT64)),
                Field.omit("send_bootstrap_in_msg_count", new Pointer(Scalar.INT32)),
                Field.omit("send_bootstrap_to_all_partition", new Pointer(Scalar.BOOL)),
                Field.omit("send-all-bootstrap-at-start", new Pointer(Scalar.BOOL)),
                Field.omit("debezium_disable_schema", new Pointer(Scalar.BOOL)),
                Field.omit("debezium", new Pointer(DEBEZIUM_CONFIG)),
                Field.omit("open", new Pointer(OPEN_PROTOCOL_CONFIG))));
        CSV_CONFIG.fields(List.of(
                Field.of("delimiter", Scalar.STRING),
                Field.of("quote", Scalar.STRING),
                Field.of("null", Scalar.STRING),
                Field.of("include_commit_ts", Scalar.BOOL),
                Field.of("binary_encoding_method", Scalar.STRING),
                Field.of("output_old_value", Scalar.BOOL),
                Field.of("output_handle_key", Scalar.BOOL),
                Field.of("output_field_header", Scalar.BOOL)));
        DISPATCH_RULE.fields(List.of(
                Field.omit("matcher", new Slice(Scalar.STRING)),
                Field.omit("partition", Scalar.STRING),
                Field.omit("index", Scalar.STRING),
                Field.omit("columns", new Slice(Scalar.STRING)),
                Field.omit("topic", Scalar.STRING)));
        COLUMN_SELECTOR.fields(List.of(
                Field.omit("matcher", new Slice(Scalar.STRING)),
                Field.omit("columns", new Slice(Scalar.STRING))));
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
                Field.omit("large_message_handle", new Pointer(LARGE_MESSAGE_HANDLE_CONFIG)),
                Field.omit("glue_schema_registry_config", new Pointer(GLUE_SCHEMA_REGISTRY_CONFIG)),
                Field.omit("output_raw_change_event", new Pointer(Scalar.BOOL))));
        CODEC_CONFIG.fields(List.of(
                Field.omit("enable_tidb_extension", new Pointer(Scalar.BOOL)),
                Field.omit("max_batch_size", new Pointer(Scalar.INT)),
                Field.omit("avro_enable_watermark", new Pointer(Scalar.BOOL)),
                Field.omit("avro_decimal_handling_mode", new Pointer(Scalar.STRING)),
                Field.omit("avro_bigint_unsigned_handling_mode", new Pointer(Scalar.STRING)),
                Field.omit("encoding_format", new Pointer(Scalar.STRING))));
        LARGE_MESSAGE_HANDLE_CONFIG.fields(List.of(
                Field.of("large_message_handle_option", Scalar.STRING),
                Field.of("large_message_handle_compression", Scalar.STRING),
                Field.of("claim_check_storage_uri", Scalar.STRING),
                Field.of("claim_check_raw_value", Scalar.BOOL)));
        GLUE_SCHEMA_REGISTRY_CONFIG.fields(List.of(
                Field.of("registry_name", Scalar.STRING),
                Field.of("region", Scalar.STRING),
                Field.omit("access_key", Scalar.STRING),
                Field.omit("secret_access_key", Scalar.STRING),
                Field.omit("token", Scalar.STRING)));
        PULSAR_CONFIG.fields(List.of(
                Field.omit("tls-certificate-path", new Pointer(Scalar.STRING)),
                Field.omit("tls-private-key-path", new Pointer(Scalar.STRING)),
                Field.omit("tls-trust-certs-file-path", new Pointer(Scalar.STRING)),
                Field.omit("pulsar-producer-cache-size", new Pointer(Scalar.INT32)),
                Field.omit("pulsar-version", new Pointer(Scalar.STRING)),
                Field.omit("compression-type", new Pointer(Scalar.STRING)),
                Field.omit("authentication-token", new Pointer(Scalar.STRING)),
                Field.omit("connection-timeout", new Pointer(Scalar.INT)),
                Field.omit("operation-timeout", new Pointer(Scalar.INT)),
                Field.omit("batching-max-messages", new Pointer(Scalar.UINT)),
                Field.omit("batching-max-publish-delay", new Pointer(Scalar.INT)),
                Field.omit("send-timeout", new Pointer(Scalar.INT)),
                Field.omit("token-from-file", new Pointer(Scalar.STRING)),
                Field.omit("basic-user-name", new Pointer(Scalar.STRING)),
                Field.omit("basic-password", new Pointer(Scalar.STRING)),
                Field.omit("auth-tls-certificate-path", new Pointer(Scalar.STRING)),
                Field.omit("auth-tls-private-key-path", new Pointer(Scalar.STRING)),
                Field.omit("oauth2", new Pointer(PULSARO_AUTH2)),
                Field.omit("output-raw-change-event", new Pointer(Scalar.BOOL))));
        PULSARO_AUTH2.fields(List.of(
                Field.omit("oauth2-issuer-url", Scalar.STRING),
                Field.omit("oauth2-audience", Scalar.STRING),
                Field.omit("oauth2-private-key", Scalar.STRING),
                Field.omit("oauth2-client-id", Scalar.STRING),
                Field.omit("oauth2-scope", Scalar.STRING)));
        MYSQL_CONFIG.fields(List.of(
                Field.omit("worker_count", new Pointer(Scalar.INT)),
                Field.omit("max_txn_row", new Pointer(Scalar.INT)),
                Field.omit("max_multi_update_row_size", new Pointer(Scalar.INT)),
                Field.omit("max_multi_update_row_count", new Pointer(Scalar.INT)),
                Field.omit("tidb_txn_mode", new Pointer(Scalar.STRING)),
                Field.omit("ssl_ca", new Pointer(Scalar.STRING)),
                Field.omit("ssl_cert", new Pointer(Scalar.STRING)),
                Field.omit("ssl_key", new Pointer(Scalar.STRING)),
                Field.omit("time_zone", new Pointer(Scalar.STRING)),
                Field.omit("write_timeout", new Pointer(Scalar.STRING)),
                Field.omit("read_timeout", new Pointer(Scalar.STRING)),
                Field.omit("timeout", new Pointer(Scalar.STRING)),
                Field.omit("enable_batch_dml", new Pointer(Scalar.BOOL)),
                Field.omit("enable_multi_statement", new Pointer(Scalar.BOOL)),
                Field.omit("enable_cache_prepared_statement", new Pointer(Scalar.BOOL))));
        CLOUD_STORAGE_CONFIG.fields(List.of(
                Field.omit("worker_count", new Pointer(Scalar.INT)),
                Field.omit("flush_interval", new Pointer(Scalar.STRING)),
                Field.omit("file_size", new Pointer(Scalar.INT)),
                Field.omit("output_column_id", new Pointer(Scalar.BOOL)),
                Field.omit("file_expiration_days", new Pointer(Scalar.INT)),
                Field.omit("file_cleanup_cron_spec", new Pointer(Scalar.STRING)),
                Field.omit("flush_concurrency", new Pointer(Scalar.INT)),
                Field.omit("output_raw_change_event", new Pointer(Scalar.BOOL))));
        DEBEZIUM_CONFIG.fields(List.of(
                Field.of("output_old_value", Scalar.BOOL)));
        OPEN_PROTOCOL_CONFIG.fields(List.of(
                Field.of("output_old_value", Scalar.BOOL)));
        CONSISTENT_CONFIG.fields(List.of(
                Field.omit("level", Scalar.STRING),
                Field.of("max_log_size", Scalar.INT64),
                Field.of("flush_interval", Scalar.INT64),
                Field.of("meta_flush_interval", Scalar.INT64),
                Field.of("encoding_worker_num", Scalar.INT),
                Field.of("flush_worker_num", Scalar.INT),
                Field.omit("storage", Scalar.STRING),
                Field.of("use_file_backend", Scalar.BOOL),
                Field.omit("compression", Scalar.STRING),
                Field.omit("flush_concurrency", Scalar.INT),
                Field.of("memory_usage", new Pointer(CONSISTENT_MEMORY_USAGE))));
        CONSISTENT_MEMORY_USAGE.fields(List.of(
                Field.of("memory_quota_percentage", Scalar.UINT64)));
        CHANGEFEED_SCHEDULER_CONFIG.fields(List.of(
                Field.of("enable_table_across_nodes", Scalar.BOOL),
                Field.of("region_threshold", Scalar.INT),
                Field.of("write_key_threshold", Scalar.INT)));
        INTEGRITY_CONFIG.fields(List.of(
                Field.of("integrity_check_level", Scalar.STRING),
                Field.of("corruption_handle_level", Scalar.STRING)));
        SYNCED_STATUS_CONFIG.fields(List.of(
                Field.of("synced_check_interval", Scalar.INT64),
                Field.of("checkpoint_interval", Scalar.INT64)));
        PD_CONFIG.fields(List.of(
                Field.omit("pd_addrs", new Slice(Scalar.STRING)),
                Field.of("ca_path", Scalar.STRING),
                Field.of("cert_path", Scalar.STRING),
                Field.of("key_path", Scalar.STRING),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING))));
        RESUME_CHANGEFEED_CONFIG.fields(List.of(
                Field.omit("pd_addrs", new Slice(Scalar.STRING)).in("PDConfig"),
                Field.of("ca_path", Scalar.STRING).in("PDConfig"),
                Field.of("cert_path", Scalar.STRING).in("PDConfig"),
                Field.of("key_path", Scalar.STRING).in("PDConfig"),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING)).in("PDConfig"),
                Field.of("overwrite_checkpoint_ts", Scalar.UINT64)));
        UPSTREAM_CONFIG.fields(List.of(
                Field.of("id", Scalar.UINT64),
                Field.omit("pd_addrs", new Slice(Scalar.STRING)).in("PDConfig"),
                Field.of("ca_path", Scalar.STRING).in("PDConfig"),
                Field.of("cert_path", Scalar.STRING).in("PDConfig"),
                Field.of("key_path", Scalar.STRING).in("PDConfig"),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING)).in("PDConfig")));
        VERIFY_TABLE_CONFIG.fields(List.of(
                Field.omit("pd_addrs", new Slice(Scalar.STRING)).in("PDConfig"),
                Field.of("ca_path", Scalar.STRING).in("PDConfig"),
                Field.of("cert_path", Scalar.STRING).in("PDConfig"),
                Field.of("key_path", Scalar.STRING).in("PDConfig"),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING)).in("PDConfig"),
                Field.of("replica_config", new Pointer(REPLICA_CONFIG)),
                Field.of("start_ts", Scalar.UINT64),
                Field.of("sink_uri", Scalar.STRING)));
        RESOLVE_LOCK_REQ.fields(List.of(
                Field.omit("region_id", Scalar.UINT64),
                Field.omit("ts", Scalar.UINT64),
                Field.omit("pd_addrs", new Slice(Scalar.STRING)).in("PDConfig"),
                Field.of("ca_path", Scalar.STRING).in("PDConfig"),
                Field.of("cert_path", Scalar.STRING).in("PDConfig"),
                Field.of("key_path", Scalar.STRING).in("PDConfig"),
                Field.omit("cert_allowed_cn", new Slice(Scalar.STRING)).in("PDConfig")));
    }
}
