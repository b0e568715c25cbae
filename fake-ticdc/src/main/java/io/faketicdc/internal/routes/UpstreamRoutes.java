package io.faketicdc.internal.routes;

import io.faketicdc.internal.clock.Tso;
import io.faketicdc.internal.cluster.UpstreamTable;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.ConfigValidator;
import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.config.ReplicaConfigs;
import io.faketicdc.internal.config.SinkUris;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes that talk to the upstream: tso, verify_table and unsafe/* (pingcap/tiflow cdc/api/v2/tso.go;
 * cdc/api/v2/changefeed.go; cdc/api/v2/unsafe.go).
 */
final class UpstreamRoutes {
    private final ApiSchema schema;

    UpstreamRoutes(ApiSchema schema) {
        this.schema = schema;
    }

    void register(Router r) {
        r.add(new Route("POST", "/api/v2/tso", "query tso", false, this::tso));
        // nothing of it reads cluster state (the upstream tables are immutable): all of it runs before the lock
        r.add(new Route("POST", "/api/v2/verify_table", "verify table", false, UpstreamRoutes::prepared, this::verifyTableOrError));
        if (ApiContext.newKernel(schema)) {
            r.add(new Route("POST", "/api/v2/get_all_tables", "get all tables", false, UpstreamRoutes::prepared, this::allTablesOrError));
        }
        r.add(new Route("GET", "/api/v2/unsafe/metadata", "unsafe metadata", true, new MetadataView(schema)::handle));
        r.add(new Route("POST", "/api/v2/unsafe/resolve_lock", "unsafe resolve lock", true, this::resolveLock));
        r.add(new Route("DELETE", "/api/v2/unsafe/service_gc_safepoint", "unsafe delete service gc safepoint", true,
                this::deleteServiceGcSafepoint));
    }

    private GoStruct upstreamConfig(Call call) {
        return Bodies.bind(call.body(), schema.upstreamConfig().zero(), false);
    }

    /**
     * withUpstreamConfig (cdc/api/v2/unsafe.go): {@code id} > 0 must name the fake's upstream;
     * else {@code pd_addrs}, when sent, must reach it.
     */
    private void checkUpstream(ApiContext ctx, GoStruct cfg) {
        long id = cfg.number("id");
        if (id != 0) {
            if (id != ctx.cluster().identity().upstreamId()) {
                throw ApiError.of("CDC:ErrUpstreamNotFound", "upstream not found, cluster-id: " + Long.toUnsignedString(id));
            }
            return;
        }
        List<String> pdAddrs = UpstreamPd.addrs(ctx, cfg);
        if (!pdAddrs.isEmpty() && !UpstreamPd.reaches(pdAddrs, ctx.cluster())) throw UpstreamPd.internal();
    }

    private ApiResponse tso(Call call) {
        ApiContext ctx = ApiContext.of(call);
        checkUpstream(ctx, upstreamConfig(call));
        long tso = ctx.cluster().currentTso();
        GoJsonWriter w = GoJsonWriter.indented().beginObject()
                .name("timestamp").value(Tso.physical(tso))
                .name("logic_time").value(Tso.logical(tso))
                .endObject();
        return ApiResponse.json(200, w);
    }

    private Object allTablesOrError(Call call) {
        try {
            return allTables(call);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * {@code POST /api/v2/get_all_tables} (pingcap/ticdc api/v2/changefeed.go GetAllTables): a
     * changefeed body; the tables its filter selects and every table of the upstream. The fake's
     * upstream tables are all eligible.
     */
    private ApiResponse allTables(Call call) {
        ApiContext ctx = ApiContext.of(call);
        GoStruct target = schema.changefeedConfig().zero().set("replica_config", schema.defaultReplicaConfig());
        GoStruct cfg = Bodies.bind(call.body(), target, false);
        GoStruct requested = cfg.struct("replica_config");
        GoStruct config = ReplicaConfigs.toInternal(requested != null ? requested : schema.defaultReplicaConfig(), schema);
        ConfigValidator.filter(config, schema);
        List<UpstreamTable> upstream = ctx.cluster().upstreamTables();
        boolean[] selected = UpstreamTable.selectedBy(config, upstream);
        List<UpstreamTable> eligible = new ArrayList<>();
        for (int i = 0; i < selected.length; i++) if (selected[i]) eligible.add(upstream.get(i));
        GoJsonWriter w = GoJsonWriter.compact().beginObject();
        tableNames(w, "eligible_tables", eligible);
        tableNames(w, "all_tables", upstream);
        return ApiResponse.json(200, w.endObject());
    }

    /** A {@code []TableName} with omitempty: nothing when empty. */
    private static void tableNames(GoJsonWriter w, String key, List<UpstreamTable> tables) {
        if (tables.isEmpty()) return;
        w.name(key).beginArray();
        for (UpstreamTable t : tables) {
            w.beginObject().name("database_name").value(t.database()).name("table_name").value(t.table())
                    .name("table_id").value(t.id()).name("is_partition").value(t.partition()).endObject();
        }
        w.endArray();
    }

    private Object verifyTableOrError(Call call) {
        try {
            return verifyTable(call);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The answer a prepare step worked out, or the error it ended in, thrown here. */
    private static ApiResponse prepared(Call call) {
        Object p = call.prepared();
        if (p instanceof RuntimeException e) throw e;
        return (ApiResponse) p;
    }

    private ApiResponse verifyTable(Call call) {
        ApiContext ctx = ApiContext.of(call);
        GoStruct target = schema.verifyTableConfig().zero().set("replica_config", schema.defaultReplicaConfig());
        GoStruct cfg = Bodies.bind(call.body(), target, false);
        List<String> pdAddrs = UpstreamPd.addrs(ctx, cfg);
        if (!pdAddrs.isEmpty()) UpstreamPd.openStore(pdAddrs, ctx.cluster());
        if (cfg.has("sink_uri")) {
            String uri = cfg.string("sink_uri");
            try {
                GoUrl.parse(uri);
            } catch (GoUrl.UrlException e) {
                throw ApiError.of("CDC:ErrSinkURIInvalid", "sink uri invalid '" + SinkUris.maskForError(uri) + "': "
                        + e.withUrl(SinkUris.maskForError(e.url())));
            }
        }
        GoStruct requested = cfg.struct("replica_config");
        GoStruct config = ReplicaConfigs.toInternal(requested != null ? requested : schema.defaultReplicaConfig(), schema);
        ConfigValidator.filter(config, schema);
        List<UpstreamTable> eligible = new ArrayList<>();
        List<UpstreamTable> upstream = ctx.cluster().upstreamTables();
        boolean[] selected = UpstreamTable.selectedBy(config, upstream);
        for (int i = 0; i < selected.length; i++) if (selected[i]) eligible.add(upstream.get(i));
        GoJsonWriter w = GoJsonWriter.compact().beginObject();
        tableNames(w, "eligible_tables", eligible);
        return ApiResponse.json(200, w.endObject());
    }

    private ApiResponse resolveLock(Call call) {
        ApiContext ctx = ApiContext.of(call);
        GoStruct req = Bodies.bind(call.body(), schema.resolveLockReq().zero(), false);
        if (schema.traits().resolveLockNeedsRegionAndTs() && (req.number("region_id") == 0 || req.number("ts") == 0)) {
            throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid resolve_lock request: region_id and ts must be non-zero");
        }
        List<String> pdAddrs = UpstreamPd.addrs(ctx, req);
        if (!pdAddrs.isEmpty()) UpstreamPd.openStore(pdAddrs, ctx.cluster());
        return ApiResponse.emptyObject();
    }

    /**
     * v7.3's handler records the error but does not return: gin writes 200 {@code {}}, then the
     * error middleware's JSON after it (the status is already sent).
     */
    private ApiResponse deleteServiceGcSafepoint(Call call) {
        ApiContext ctx = ApiContext.of(call);
        GoStruct cfg = upstreamConfig(call);
        try {
            checkUpstream(ctx, cfg);
        } catch (ApiError e) {
            if (schema.traits().gcSafepointDeleteStopsAtError()) throw e;
            byte[] error = e.toResponse().body();
            byte[] out = new byte[2 + error.length];
            out[0] = '{';
            out[1] = '}';
            System.arraycopy(error, 0, out, 2, error.length);
            return ApiResponse.json(200, out);
        }
        return ApiResponse.emptyObject();
    }

}
