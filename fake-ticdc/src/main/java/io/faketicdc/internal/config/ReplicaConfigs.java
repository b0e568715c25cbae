package io.faketicdc.internal.config;

import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.GoType;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import java.util.List;

/**
 * The shape changes a replica config goes through on its way in and out of the real server:
 * {@code ToInternalReplicaConfig} (sections missing from the request fall back to defaults) and
 * the owner's read-back {@code VerifyAndComplete} + {@code RmUnusedFields} (trimming by scheme).
 */
public final class ReplicaConfigs {
    private ReplicaConfigs() { }

    /**
     * ToInternalReplicaConfig followed by ToAPIReplicaConfig: start from the defaults, copy
     * plain fields and the pointer bools as sent, and take a section only when it was sent.
     */
    public static GoStruct toInternal(GoStruct api, ApiSchema schema) {
        GoStruct res = schema.defaultReplicaConfig();
        List<Field> fields = schema.replicaConfig().fields();
        boolean ticdc = schema.traits().routeSet() == ProfileTraits.RouteSet.TICDC;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            Object v = api.get(i);
            if (f.json().equals("sql_mode")) continue; // decoded, never copied
            boolean pointer = f.type() instanceof Pointer;
            boolean pointerBool = pointer && ((Pointer) f.type()).elem() == Scalar.BOOL;
            if (ticdc) {
                copyNewArch(res, i, f.json(), v);
            } else if (!pointer || pointerBool) {
                res.set(i, v);
            } else if (v != null) {
                res.set(i, v);
            }
        }
        dropEmpty(res.struct("sink"), "dispatchers", "column_selectors");
        GoStruct filter = res.struct("filter");
        dropEmpty(filter, "event_filters");
        if (filter != null && filter.get("event_filters") instanceof List<?> rules) {
            for (Object r : rules) dropEmpty((GoStruct) r, "matcher", "ignore_event", "ignore_sql");
        }
        return res;
    }

    /** The new architecture's sections merged field by field into the default section. */
    private static final List<String> MERGED_SECTIONS = List.of("consistent", "mounter", "scheduler", "integrity", "synced_status");

    /**
     * pingcap/ticdc api/v2/model.go toInternalReplicaConfigWithOriginConfig: a field left out
     * keeps its default (enable_sync_point and enable_table_monitor excepted: copied as sent);
     * filter and sink are taken whole when sent; the consistent, mounter, scheduler, integrity
     * and synced_status sections are merged field by field into the defaults.
     */
    private static void copyNewArch(GoStruct res, int i, String name, Object v) {
        if (name.equals("enable_sync_point") || name.equals("enable_table_monitor")) {
            res.set(i, v);
        } else if (v instanceof GoStruct sent && MERGED_SECTIONS.contains(name)) {
            GoStruct merged = res.get(i) instanceof GoStruct d ? d : new GoStruct(sent.type());
            for (int j = 0; j < sent.type().fields().size(); j++) {
                if (sent.get(j) != null) merged.set(j, sent.get(j));
            }
            res.set(i, merged);
        } else if (v != null) {
            res.set(i, v);
        }
    }

    private static void dropEmpty(GoStruct s, String... names) {
        if (s == null) return;
        for (String n : names) {
            if (s.has(n) && s.get(n) instanceof List<?> l && l.isEmpty()) s.set(n, null);
        }
    }

    /**
     * What the owner serves after reading the stored config: completed, then trimmed by scheme;
     * as stored where the profile does neither (pingcap/ticdc api/v2/changefeed.go CfInfoToAPIModel).
     */
    public static GoStruct forRead(GoStruct stored, String sinkUri, ApiSchema schema) {
        GoStruct c = stored.copy();
        if (!schema.traits().trimsConfigOnRead()) return c;
        complete(c, schema);
        String scheme;
        try {
            scheme = GoUrl.parse(sinkUri).scheme();
        } catch (GoUrl.UrlException e) {
            return c;
        }
        trim(c, scheme, schema);
        return c;
    }

    /** VerifyAndComplete: nil sections get their defaults. */
    private static void complete(GoStruct c, ApiSchema schema) {
        GoStruct def = schema.defaultReplicaConfig();
        for (String section : List.of("filter", "mounter", "sink", "consistent", "scheduler", "integrity",
                "sync_point_interval", "sync_point_retention", "changefeed_error_stuck_duration", "synced_status")) {
            if (c.has(section) && c.get(section) == null) c.set(section, def.get(section));
        }
    }

    /** RmUnusedFields (pingcap/tiflow cdc/model/changefeed.go). */
    private static void trim(GoStruct c, String scheme, ApiSchema schema) {
        SinkScheme kind = SinkScheme.of(scheme);
        if (kind == SinkScheme.BLACKHOLE && schema.traits().blackholeKeepsSinkFields()) return;
        GoStruct sink = c.struct("sink");
        if (kind != SinkScheme.MQ) {
            clear(sink, "dispatchers", "schema_registry", "encoder_concurrency", "enable_kafka_sink_v2",
                    "only_output_updated_columns", "kafka_config");
            clear(sink, "delete_only_output_handle_key_columns", "content_compatible");
        } else if (sink != null && !"avro".equals(sink.get("protocol"))) {
            clear(sink, "schema_registry");
        }
        if (kind != SinkScheme.STORAGE) {
            clear(sink, "csv", "date_separator", "enable_partition_separator", "file_index_width", "cloud_storage_config");
        }
        if (kind != SinkScheme.MYSQL) {
            clear(c, "enable_sync_point", "bdr_mode", "sync_point_interval", "sync_point_retention", "consistent");
            clear(sink, "safe_mode", "mysql_config");
        } else {
            clear(sink, "protocol", "terminator");
        }
    }

    private static void clear(GoStruct s, String... names) {
        if (s == null) return;
        for (String n : names) {
            if (s.has(n)) s.set(n, GoType.zeroOf(fieldType(s, n)));
        }
    }

    private static GoType fieldType(GoStruct s, String name) {
        return s.type().fields().get(s.type().indexOf(name)).type();
    }
}
