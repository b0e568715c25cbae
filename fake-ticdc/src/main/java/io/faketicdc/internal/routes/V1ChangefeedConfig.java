package io.faketicdc.internal.routes;

import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.GoType;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Pointer;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Slice;
import io.faketicdc.internal.json.GoType.Struct;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of v1 create and update, {@code model.ChangefeedConfig} (pingcap/tiflow
 * cdc/model/http_model.go), and its {@code sink_config}: the server's internal
 * {@code config.SinkConfig} with kebab-case keys (pingcap/tiflow pkg/config/sink.go,
 * pkg/config/large_message.go).
 *
 * <p>The internal sink config is the profile's v2 {@code SinkConfig} under other JSON keys (the
 * v2 API converts one into the other field by field, pingcap/tiflow cdc/api/v2/model.go), so its
 * type is derived from the v2 one: the same fields in the same order, keys in kebab-case, the few
 * keys that are not a plain respelling renamed, and the deprecated {@code dispatcher} of a
 * dispatch rule added last. A decoded v1 sink config then becomes a v2 one slot by slot, and the
 * changefeed keeps the one config model v2 uses.
 */
final class V1ChangefeedConfig {
    /** Internal keys that are not the v2 key in kebab-case, by v2 struct and v2 key. */
    private static final Map<String, String> RENAMED = Map.of(
            "v2.SinkConfig.file_index_width", "file-index-digit",
            "v2.SinkConfig.advance_timeout", "advance-timeout-in-sec",
            "v2.MySQLConfig.max_multi_update_row_count", "max-multi-update-row",
            // v2 swaps the two: its tls-certificate-path holds TLSKeyFilePath (cdc/api/v2/model.go)
            "v2.PulsarConfig.tls-certificate-path", "tls-key-file-path",
            "v2.PulsarConfig.tls-private-key-path", "tls-certificate-file");
    private static final String DISPATCHER = "dispatcher";

    private final Struct body;
    /** Each derived struct type to the v2 type it mirrors. */
    private final Map<Struct, Struct> v2Of = new IdentityHashMap<>();

    private V1ChangefeedConfig(ApiSchema schema) {
        Struct sinkV2 = (Struct) ((Pointer) field(schema.replicaConfig(), "sink").type()).elem();
        Struct sink = derive(sinkV2);
        this.body = new Struct("model.ChangefeedConfig").fields(List.of(
                Field.of("namespace", Scalar.STRING),
                Field.of("changefeed_id", Scalar.STRING),
                Field.of("start_ts", Scalar.UINT64),
                Field.of("target_ts", Scalar.UINT64),
                Field.of("sink_uri", Scalar.STRING),
                Field.of("timezone", Scalar.STRING),
                Field.of("force_replicate", Scalar.BOOL),
                Field.of("ignore_ineligible_table", Scalar.BOOL),
                Field.of("filter_rules", new Slice(Scalar.STRING)),
                Field.of("ignore_txn_start_ts", new Slice(Scalar.UINT64)),
                Field.of("mounter_worker_num", Scalar.INT),
                Field.of("sink_config", new Pointer(sink))));
    }

    private static final Map<ApiSchema, V1ChangefeedConfig> BY_SCHEMA = new IdentityHashMap<>();

    /** The v1 types of a profile, derived once. */
    static V1ChangefeedConfig of(ApiSchema schema) {
        synchronized (BY_SCHEMA) {
            return BY_SCHEMA.computeIfAbsent(schema, V1ChangefeedConfig::new);
        }
    }

    /** {@code model.ChangefeedConfig}: what v1 create and update bind. */
    Struct body() {
        return body;
    }

    /**
     * The decoded {@code sink_config} as the v2 sink config the changefeed keeps: a deprecated
     * {@code dispatcher} moves to {@code partition} as SinkConfig.validate does (pingcap/tiflow
     * pkg/config/sink.go), and both set is its ErrSinkInvalidConfig.
     */
    GoStruct toV2Sink(GoStruct v1Sink) {
        return (GoStruct) convert(v1Sink);
    }

    private Object convert(Object v) {
        if (v instanceof GoStruct s) {
            Struct v2 = v2Of.get(s.type());
            GoStruct out = v2.zero();
            for (int i = 0; i < v2.fields().size(); i++) out.set(i, convert(s.get(i)));
            if (v2.goName().equals("v2.DispatchRule")) dispatcher(s, out);
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object e : l) out.add(convert(e));
            return out;
        }
        return v;
    }

    private static void dispatcher(GoStruct v1Rule, GoStruct rule) {
        String dispatcher = v1Rule.string(DISPATCHER);
        if (dispatcher.isEmpty()) return;
        String partition = rule.string("partition");
        if (!partition.isEmpty()) {
            throw ApiError.of("CDC:ErrSinkInvalidConfig", "sink config invalid: dispatcher and partition cannot be "
                    + "configured both for rule:&{" + goList(v1Rule.get("matcher")) + " " + dispatcher + " " + partition
                    + " " + v1Rule.string("index") + " " + goList(v1Rule.get("columns")) + " " + v1Rule.string("topic") + "}");
        }
        rule.set("partition", dispatcher);
    }

    private static String goList(Object list) {
        StringBuilder b = new StringBuilder("[");
        if (list instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) b.append(i > 0 ? " " : "").append(l.get(i));
        }
        return b.append(']').toString();
    }

    private Struct derive(Struct v2) {
        for (Map.Entry<Struct, Struct> e : v2Of.entrySet()) {
            if (e.getValue() == v2) return e.getKey();
        }
        Struct derived = new Struct("config." + v2.simpleName());
        v2Of.put(derived, v2);
        List<Field> fields = new ArrayList<>();
        for (Field f : v2.fields()) {
            String key = RENAMED.getOrDefault(v2.goName() + "." + f.json(), f.json().replace('_', '-'));
            fields.add(new Field(key, derive(f.type()), f.omitEmpty(), null));
        }
        if (v2.goName().equals("v2.DispatchRule")) fields.add(Field.of(DISPATCHER, Scalar.STRING));
        return derived.fields(fields);
    }

    private GoType derive(GoType t) {
        if (t instanceof Pointer p) return new Pointer(derive(p.elem()));
        if (t instanceof Slice s) return new Slice(derive(s.elem()));
        if (t instanceof Struct st) return derive(st);
        return t;
    }

    private static Field field(Struct s, String json) {
        return s.fields().get(s.indexOf(json));
    }
}
