package io.faketicdc.internal.routes;

import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.json.GoBinder;
import io.faketicdc.internal.json.GoJsonReader;
import io.faketicdc.internal.json.GoJsonSyntaxException;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoMarshal;
import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType.Struct;
import io.faketicdc.internal.json.GoType;
import java.util.List;

/**
 * The new architecture's {@code /api/v1}: the v2 handlers behind the {@code from-ticdc-api-v1}
 * header ({@link V1Layer}), so 202 with v2 bodies for changes and bare arrays for lists
 * (pingcap/ticdc api/v1/api.go). Create and update rewrite their v1 body as the v2 one; rebalance is a
 * no-op 202; move_table passes its body to the v2 move_table as query parameters; drain is the
 * coordinator's ({@code Cluster.coordinatorDrain}).
 */
final class V1OverV2Routes {
    private static final String BASE = "/api/v1/changefeeds";
    private static final GoType.Struct DRAIN_REQUEST = new GoType.Struct("v1.drainCaptureRequest")
            .fields(List.of(Field.of("capture_id", Scalar.STRING)));
    private static final GoType.Struct MOVE_TABLE_REQ = new GoType.Struct("v1.moveTableReq")
            .fields(List.of(Field.of("table_id", Scalar.INT64), Field.of("capture_id", Scalar.STRING)));
    private final ApiSchema schema;
    private final ChangefeedReadRoutes read;
    private final ChangefeedWriteRoutes write;
    private final ClusterRoutes cluster;
    private final ProcessorRoutes processors;
    private final MaintainerRoutes maintainer;

    V1OverV2Routes(ApiSchema schema, ChangefeedReadRoutes read, ChangefeedWriteRoutes write, ClusterRoutes cluster,
            ProcessorRoutes processors, MaintainerRoutes maintainer) {
        this.schema = schema;
        this.read = read;
        this.write = write;
        this.cluster = cluster;
        this.processors = processors;
        this.maintainer = maintainer;
    }

    void register(Router r) {
        r.add(new Route("GET", "/api/v1/status", "v1 server status", false, c -> cluster.status(c, GoJsonWriter.indented())));
        r.add(new Route("POST", "/api/v1/log", "v1 set log level", false, c -> {
            cluster.setLogLevel(c, true);
            return ApiResponse.emptyObject();
        }));
        r.add(new Route("GET", "/api/v1/health", "v1 health", true, c -> cluster.health(V1Layer.asV1(c))));
        r.add(new Route("GET", BASE, "v1 list changefeeds", true, c -> read.list(V1Layer.asV1(c))));
        r.add(new Route("GET", BASE + "/:changefeed_id", "v1 get changefeed", true, c -> read.detail(V1Layer.asV1(c), true)));
        r.add(new Route("POST", BASE, "v1 create changefeed", true, c -> write.create.handle(V1Layer.asV1(c)),
                c -> write.create.prepare(asV2Body(c))));
        r.add(new Route("PUT", BASE + "/:changefeed_id", "v1 update changefeed", true,
                c -> write.update.handle(V1Layer.asV1(c)), c -> write.update.prepare(asV2Body(c))));
        r.add(new Route("POST", BASE + "/:changefeed_id/pause", "v1 pause changefeed", true, c -> write.pause(V1Layer.asV1(c))));
        r.add(new Route("POST", BASE + "/:changefeed_id/resume", "v1 resume changefeed", true, c -> write.resume(V1Layer.asV1(c)),
                write::prepareResume));
        r.add(new Route("DELETE", BASE + "/:changefeed_id", "v1 delete changefeed", true, c -> write.delete(V1Layer.asV1(c))));
        r.add(new Route("POST", BASE + "/:changefeed_id/tables/rebalance_table", "v1 rebalance tables", true, c -> ApiResponse.bare(202)));
        r.add(new Route("POST", BASE + "/:changefeed_id/tables/move_table", "v1 move table", true, this::moveTable));
        r.add(new Route("POST", "/api/v1/owner/resign", "v1 resign owner", true, c -> cluster.resign(V1Layer.asV1(c))));
        r.add(new Route("GET", "/api/v1/processors", "v1 list processors", true, c -> processors.noProcessors(V1Layer.asV1(c))));
        r.add(new Route("GET", "/api/v1/processors/:changefeed_id/:capture_id", "v1 get processor", true, ProcessorRoutes::noTables));
        r.add(new Route("GET", "/api/v1/captures", "v1 list captures", true, c -> cluster.captures(V1Layer.asV1(c))));
        r.add(new Route("PUT", "/api/v1/captures/drain", "v1 drain capture", true, this::drain));
    }

    /**
     * The v1 create or update body rewritten as the v2 body (pingcap/ticdc api/v1/api.go
     * createChangefeed, updateChangefeed, getV2ChangefeedConfig): the default replica config with
     * v1's filter rules, ignored start TSs, mounter workers (0 when not sent), force_replicate,
     * ignore_ineligible_table and, when sent, its sink config (the server's internal one,
     * {@link V1ChangefeedConfig}). On create a rule list or sink left out keeps the default as the
     * v2 binding merges over it; an update always sends a replica config, so it replaces the
     * changefeed's. The v1 body is bound first: its errors come before the v2 handler's checks.
     */
    private Call asV2Body(Call call) {
        V1ChangefeedConfig types = V1ChangefeedConfig.of(schema);
        Struct tiflowBody = types.body();
        List<Field> fields = new java.util.ArrayList<>(tiflowBody.fields());
        fields.set(0, Field.of("keyspace", Scalar.STRING));
        GoStruct v1 = Bodies.bind(call.body(), new Struct("v1.changefeedConfig").fields(fields).zero(), false);
        GoStruct rc = schema.defaultReplicaConfig();
        rc.struct("filter").set("rules", v1.get("filter_rules")).set("ignore_txn_start_ts", v1.get("ignore_txn_start_ts"));
        rc.struct("mounter").set("worker_num", v1.number("mounter_worker_num"));
        GoStruct sink = v1.struct("sink_config");
        rc.set("sink", sink == null ? null : types.toV2Sink(sink));
        rc.set("force_replicate", v1.get("force_replicate")).set("ignore_ineligible_table", v1.get("ignore_ineligible_table"));
        GoJsonWriter w = GoJsonWriter.compact().beginObject()
                .name("keyspace").value(v1.string("keyspace"))
                .name("changefeed_id").value(v1.string("changefeed_id"))
                .name("start_ts").unsigned(v1.number("start_ts"))
                .name("target_ts").unsigned(v1.number("target_ts"))
                .name("sink_uri").value(v1.string("sink_uri"))
                .name("replica_config");
        GoMarshal.write(w, rc, schema.replicaConfig());
        w.name("ca_path").value("").name("cert_path").value("").name("key_path").value("").endObject();
        ApiRequest r = call.request();
        ApiRequest v2 = new ApiRequest(r.method(), r.path(), r.rawQuery(), r.headers(), w.toBytes(), r.localPort(), r.slot());
        return new Call(v2, call.route(), call.params(), null, call.scope());
    }

    /** The body becomes v2's query parameters; the v1 header is set only after the v2 handler ran: 200 {}. */
    private ApiResponse moveTable(Call call) {
        GoStruct req = bind(call.body(), MOVE_TABLE_REQ, true);
        ApiRequest r = call.request();
        String extra = "tableID=" + req.number("table_id") + "&targetNodeID="
                + java.net.URLEncoder.encode(req.string("capture_id"), java.nio.charset.StandardCharsets.UTF_8);
        String query = r.rawQuery() == null || r.rawQuery().isEmpty() ? extra : r.rawQuery() + "&" + extra;
        ApiRequest moved = new ApiRequest(r.method(), r.path(), query, r.headers(), r.body(), r.localPort(), r.slot());
        return maintainer.moveTable(call.forRequest(moved));
    }

    /**
     * {@code PUT /api/v1/captures/drain} (pingcap/ticdc api/v1/api.go drainCapture): the
     * coordinator itself cannot be drained; an unknown node is ErrCaptureNotExist; otherwise the
     * remaining count of the coordinator's drain.
     */
    private ApiResponse drain(Call call) {
        ApiContext ctx = ApiContext.of(call);
        String target = bind(call.body(), DRAIN_REQUEST, false).string("capture_id");
        if (cluster.receiver(call).id().equals(target)) {
            throw ApiError.of("CDC:ErrSchedulerRequestFailed", "scheduler request failed, cannot drain the owner");
        }
        int remaining = ctx.cluster().coordinatorDrain(target);
        if (remaining < 0) throw ApiError.of("CDC:ErrCaptureNotExist", "capture not exists, " + target);
        return ApiResponse.json(202, GoJsonWriter.compact().beginObject().name("current_table_count").value(remaining).endObject());
    }

    /** BindJSON ({@code committed}: 400 already written, text/plain) or ShouldBindJSON, wrapped in ErrAPIInvalidParam. */
    private static GoStruct bind(byte[] body, GoType.Struct type, boolean committed) {
        try {
            return (GoStruct) GoBinder.decode(GoJsonReader.read(body), type, type.zero());
        } catch (GoJsonSyntaxException e) {
            if (committed) throw ApiError.bind(e.getMessage());
            throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid api parameter: " + e.getMessage());
        }
    }
}
