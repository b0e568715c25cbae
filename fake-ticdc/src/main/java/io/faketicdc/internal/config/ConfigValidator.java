package io.faketicdc.internal.config;

import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.json.GoDurations;
import io.faketicdc.internal.json.GoStruct;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ReplicaConfig.ValidateAndAdjust and the filter checks that need no downstream, in the real
 * order and with the real texts (pingcap/tiflow pkg/config/replica_config.go; pkg/config/sink.go;
 * pkg/config/consistent.go; pkg/config/sink_protocol.go; pkg/integrity/integrity.go; pkg/filter/*.go).
 * Adjusts the config in place.
 */
public final class ConfigValidator {
    private static final long SECOND = 1_000_000_000L;

    private ConfigValidator() { }

    public static void validateAndAdjust(GoStruct cfg, GoUrl uri, ApiSchema schema) {
        String scheme = uri.scheme();
        SinkScheme kind = SinkScheme.of(scheme);
        GoStruct sink = cfg.struct("sink");
        sink(sink, uri, kind, schema);
        consistent(cfg.struct("consistent"));
        if (Boolean.TRUE.equals(cfg.get("enable_sync_point"))) syncPoint(cfg);
        if (cfg.number("memory_quota") == 0) cfg.set("memory_quota", 1073741824L);
        GoStruct scheduler = cfg.struct("scheduler");
        if (scheduler != null && !scheme.contains("kafka") && !scheme.contains("blackhole")) {
            scheduler.set("enable_table_across_nodes", false);
        }
        if (schema.traits().checksSchedulerThresholds() && scheduler != null && Boolean.TRUE.equals(scheduler.get("enable_table_across_nodes"))) {
            if (scheduler.number("region_threshold") < 0) throw ApiError.plain("region-threshold must be larger than 0");
            if (scheduler.number("write_key_threshold") < 0) throw ApiError.plain("write-key-threshold must be larger than 0");
        }
        integrity(cfg.struct("integrity"), scheme, sink, schema);
        if (cfg.has("changefeed_error_stuck_duration") && cfg.get("changefeed_error_stuck_duration") instanceof Long d && d < 1800 * SECOND) {
            throw invalidConfig(String.format(Locale.ROOT, "The ChangefeedErrorStuckDuration:%f must be larger than %f Seconds",
                    d / 1e9, 1800.0));
        }
    }

    private static void sink(GoStruct sink, GoUrl uri, SinkScheme kind, ApiSchema schema) {
        String protocol = uri.queryFirst("protocol");
        if (protocol != null) sink.set("protocol", protocol);
        String atomicity = uri.queryFirst("transaction-atomicity");
        if (atomicity != null) sink.set("transaction_atomicity", atomicity);
        Object level = sink.get("transaction_atomicity");
        if (level != null) {
            String l = (String) level;
            boolean ok = l.isEmpty() || l.equals("none") || (l.equals("table") && kind != SinkScheme.MQ);
            if (!ok) throw sinkUriInvalid(l + " level atomicity is not supported by " + uri.scheme() + " scheme");
        }
        if (kind == SinkScheme.MYSQL) {
            if (sink.get("protocol") != null) {
                throw sinkUriInvalid("protocol " + sink.get("protocol") + " is incompatible with " + uri.scheme() + " scheme");
            }
            return;
        }
        if (kind == SinkScheme.MQ || kind == SinkScheme.STORAGE) {
            String p = sink.get("protocol") == null ? "" : (String) sink.get("protocol");
            Set<String> known = schema.traits().sinkProtocols();
            if (!known.contains(p.toLowerCase(Locale.ROOT))) {
                throw ApiError.of("CDC:ErrSinkUnknownProtocol", "unknown '" + p + "' message protocol for sink");
            }
        }
        if (sink.get("encoder_concurrency") instanceof Long c && c < 0) {
            throw ApiError.of("CDC:ErrSinkInvalidConfig", "encoder-concurrency should greater than 0, but got 824634330112");
        }
        if (sink.get("terminator") == null) sink.set("terminator", "\r\n");
        if (Boolean.TRUE.equals(sink.get("delete_only_output_handle_key_columns"))
                && "csv".equals(sink.get("protocol"))) {
            throw ApiError.of("CDC:ErrSinkInvalidConfig", "CSV protocol always output all columns for the delete event, "
                    + "do not set `delete-only-output-handle-key-columns` to true");
        }
        if (kind == SinkScheme.STORAGE) storage(sink, schema);
        if (sink.has("advance_timeout")
                && (sink.get("advance_timeout") == null || (Long) sink.get("advance_timeout") == 0L)) {
            sink.set("advance_timeout", 150L);
        }
    }

    private static void storage(GoStruct sink, ApiSchema schema) {
        Object sep = sink.get("date_separator");
        if (sep != null && !((String) sep).isEmpty()
                && !Set.of("none", "year", "month", "day").contains(((String) sep).toLowerCase(Locale.ROOT))) {
            throw ApiError.of("CDC:ErrSinkInvalidConfig", "sink config invalid: [CDC:ErrStorageSinkInvalidDateSeparator]"
                    + "date separator in storage sink is invalid%!(EXTRA string=" + sep + ")");
        }
        long width = sink.get("file_index_width") == null ? 0 : (Long) sink.get("file_index_width");
        if (width < 6 || width > 20) sink.set("file_index_width", 20L);
        GoStruct csv = sink.struct("csv");
        if (csv == null) return;
        String quote = csv.string("quote");
        String delimiter = csv.string("delimiter");
        if (quote.codePointCount(0, quote.length()) > 1) throw csvError("csv config quote contains more than one character");
        if (quote.equals("\r") || quote.equals("\n")) throw csvError("csv config quote cannot be line break character");
        if (delimiter.isEmpty()) throw csvError("csv config delimiter cannot be empty");
        if (delimiter.contains("\r") || delimiter.contains("\n")) {
            throw csvError("csv config delimiter contains line break characters");
        }
        if (schema.traits().csvDelimiterAtMostThreeChars() && delimiter.codePointCount(0, delimiter.length()) > 3) {
            throw csvError("csv config delimiter contains more than three characters, note that escape sequences "
                    + "can only be used in double quotes in toml configuration items.");
        }
        if (!quote.isEmpty() && delimiter.chars().anyMatch(ch -> quote.indexOf(ch) >= 0)) {
            throw csvError(schema.traits().csvQuoteInDelimiterError());
        }
        String enc = csv.string("binary_encoding_method");
        if (!enc.equals("hex") && !enc.equals("base64")) {
            throw csvError("csv config binary-encoding-method can only be hex or base64");
        }
    }

    private static void consistent(GoStruct c) {
        if (c == null || !"eventual".equals(c.get("level"))) return;
        if (c.number("max_log_size") == 0) c.set("max_log_size", 64L);
        if (c.number("flush_interval") == 0) c.set("flush_interval", 2000L);
        if (c.number("flush_interval") < 50) {
            throw invalidConfig("The consistent.flush-interval:" + c.number("flush_interval") + " must be equal or greater than 50");
        }
        if (c.has("meta_flush_interval")) {
            if (c.number("meta_flush_interval") == 0) c.set("meta_flush_interval", 200L);
            if (c.number("meta_flush_interval") < 50) {
                throw invalidConfig("The consistent.meta-flush-interval:" + c.number("meta_flush_interval")
                        + " must be equal or greater than 50");
            }
            if (c.number("encoding_worker_num") == 0) c.set("encoding_worker_num", 16L);
            if (c.number("flush_worker_num") == 0) c.set("flush_worker_num", 8L);
            String comp = c.has("compression") ? c.string("compression") : "";
            if (!comp.isEmpty() && !comp.equals("none") && !comp.equals("lz4")) {
                throw invalidConfig("The consistent.compression:" + comp + " must be 'none' or 'lz4'");
            }
        }
        String storage = c.string("storage");
        String scheme;
        try {
            scheme = GoUrl.parse(storage).scheme();
        } catch (GoUrl.UrlException e) {
            throw invalidConfig("invalid storage uri: " + storage);
        }
        if (!List.of("blackhole", "local", "nfs", "s3", "gcs", "gs", "azblob", "azure", "file", "noop").contains(scheme)
                && !scheme.startsWith("blackhole")) {
            throw ApiError.of("CDC:ErrConsistentStorage", "consistent storage (" + scheme + ") not support");
        }
    }

    private static void syncPoint(GoStruct cfg) {
        long interval = cfg.get("sync_point_interval") == null ? 600 * SECOND : (Long) cfg.get("sync_point_interval");
        long retention = cfg.get("sync_point_retention") == null ? 86400 * SECOND : (Long) cfg.get("sync_point_retention");
        if (interval < 30 * SECOND) {
            throw invalidConfig("The SyncPointInterval:" + GoDurations.format(interval) + " must be larger than 30s");
        }
        if (retention < 3600 * SECOND) {
            throw invalidConfig("The SyncPointRetention:" + GoDurations.format(retention) + " must be larger than 1h0m0s");
        }
    }

    private static void integrity(GoStruct integrity, String scheme, GoStruct sink, ApiSchema schema) {
        if (integrity == null) return;
        if ("correctness".equals(integrity.get("integrity_check_level")) && !SinkScheme.isKafka(scheme)) {
            integrity.set("integrity_check_level", "none");
        }
        String check = integrity.string("integrity_check_level");
        String handle = integrity.string("corruption_handle_level");
        if (!(check.equals("none") || check.equals("correctness")) || !(handle.equals("warn") || handle.equals("error"))) {
            throw ApiError.of("CDC:ErrInvalidReplicaConfig", "invalid replica config, %s");
        }
        if (schema.traits().integrityExcludesColumnSelectors() && check.equals("correctness") && sink.get("column_selectors") instanceof List<?> l && !l.isEmpty()) {
            throw ApiError.of("CDC:ErrInvalidReplicaConfig", "integrity check enabled and column selector set, not allowed");
        }
    }

    /** Filter rules and event filters (NewFilter); the first bad one fails. */
    public static void filter(GoStruct cfg, ApiSchema schema) {
        filter(cfg, schema, null);
    }

    /** What {@link #filter(GoStruct, ApiSchema, RuleCheck)} learns from the rules alone, worked out ahead (before a lock). */
    public record RuleCheck(List<?> rules, String firstError) {
        public static RuleCheck of(List<?> rules) {
            return new RuleCheck(rules, TableFilterRules.firstError(rules));
        }
    }

    /** The same, with the rules' own check done ahead when {@code known} checked these very rules. */
    public static void filter(GoStruct cfg, ApiSchema schema, RuleCheck known) {
        GoStruct filter = cfg.struct("filter");
        if (filter == null) return;
        List<?> rules = filter.get("rules") instanceof List<?> r && !r.isEmpty() ? r : List.of("*.*");
        String cause = known != null && known.rules() == rules ? known.firstError() : TableFilterRules.firstError(rules);
        if (cause != null) {
            if (!schema.traits().codedFilterRuleErrors()) throw ApiError.plain(cause);
            throw ApiError.of("CDC:ErrFilterRuleInvalid", "filter rule is invalid " + describe(filter) + ": " + cause);
        }
        if (filter.get("event_filters") instanceof List<?> efs) {
            for (Object o : efs) {
                GoStruct ef = (GoStruct) o;
                if (ef.get("matcher") instanceof List<?> m) {
                    String mc = TableFilterRules.firstError(m);
                    if (mc != null) {
                        if (!schema.traits().codedFilterRuleErrors()) throw ApiError.plain(mc);
                        throw ApiError.of("CDC:ErrFilterRuleInvalid", "filter rule is invalid " + goList(m) + ": " + mc);
                    }
                }
            }
            for (Object o : efs) {
                GoStruct ef = (GoStruct) o;
                if (ef.get("ignore_event") instanceof List<?> events) {
                    for (Object e : events) {
                        if (!schema.traits().ignoreEventTypes().contains((String) e)) {
                            throw ApiError.of("CDC:ErrInvalidIgnoreEventType", "invalid ignore event type: '" + e + "'");
                        }
                    }
                }
            }
        }
    }

    /** {@code %v} of *config.FilterConfig: {@code &{[rules] [ts] [event filter pointers]}}. */
    private static String describe(GoStruct filter) {
        List<?> rules = filter.get("rules") instanceof List<?> r ? r : List.of();
        List<?> ts = filter.get("ignore_txn_start_ts") instanceof List<?> t ? t : List.of();
        List<?> efs = filter.get("event_filters") instanceof List<?> e ? e : List.of();
        StringBuilder pointers = new StringBuilder("[");
        for (int i = 0; i < efs.size(); i++) {
            if (i > 0) pointers.append(' ');
            pointers.append(String.format("0xc000%06x", 0x5a0000 + i * 0x100));
        }
        pointers.append(']');
        List<String> tsText = ts.stream().map(x -> Long.toUnsignedString((Long) x)).toList();
        return "&{" + goList(rules) + " " + goList(tsText) + " " + pointers + "}";
    }

    private static String goList(List<?> l) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) b.append(' ');
            b.append(l.get(i));
        }
        return b.append(']').toString();
    }

    private static ApiError sinkUriInvalid(String detail) {
        return ApiError.of("CDC:ErrSinkURIInvalid", "sink uri invalid '" + detail + "'");
    }

    private static ApiError invalidConfig(String detail) {
        return ApiError.of("CDC:ErrInvalidReplicaConfig", "invalid replica config, " + detail);
    }

    private static ApiError csvError(String detail) {
        return ApiError.of("CDC:ErrSinkInvalidConfig", "sink config invalid: " + detail);
    }
}
