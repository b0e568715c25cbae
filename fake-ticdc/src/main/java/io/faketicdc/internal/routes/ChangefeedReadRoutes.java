package io.faketicdc.internal.routes;

import io.faketicdc.internal.clock.Tso;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.RunningError;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.ReplicaConfigs;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.HandlerPanic;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** GET list, detail, meta_info, status and synced (pingcap/tiflow cdc/api/v2/changefeed.go; cdc/api/v2/model.go). */
final class ChangefeedReadRoutes {
    private static final String BASE = "/api/v2/changefeeds";
    private final ApiSchema schema;

    ChangefeedReadRoutes(ApiSchema schema) {
        this.schema = schema;
    }

    void register(Router r) {
        r.add(new Route("GET", BASE, "list changefeeds", true, this::list));
        r.add(new Route("GET", BASE + "/:changefeed_id", "get changefeed", true, c -> detail(c, true)));
        // the new architecture has no meta_info (pingcap/ticdc api/v2/api.go)
        if (!ApiContext.newKernel(schema)) r.add(new Route("GET", BASE + "/:changefeed_id/meta_info", "get changefeed meta info", true, c -> detail(c, false)));
        r.add(new Route("GET", BASE + "/:changefeed_id/status", "get changefeed status", true, this::status));
        if (schema.traits().syncedRoute()) r.add(new Route("GET", BASE + "/:changefeed_id/synced", "get changefeed synced", true, this::synced));
    }

    ApiResponse list(Call call) {
        ApiContext ctx = ApiContext.of(call);
        String state = call.query("state");
        String ns = ctx.namespace(call);
        Cluster cluster = ctx.cluster();
        List<Changefeed> shown = new ArrayList<>();
        for (Changefeed cf : cluster.changefeeds(ns)) {
            boolean wanted = state.isEmpty() ? cf.state().listedByDefault()
                    : state.equals("all") || cf.state().wire().equals(state);
            if (wanted) shown.add(cf);
        }
        // a listed changefeed takes about 180 bytes
        GoJsonWriter w = GoJsonWriter.compact(64 + 200 * shown.size());
        boolean bare = V1Layer.fromV1(ctx, call);
        if (!bare) w.beginObject().name("total").value(shown.size()).name("items");
        w.beginArray();
        for (Changefeed cf : shown) ChangefeedViews.listItem(w, cf, cluster, schema);
        w.endArray();
        if (!bare) w.endObject();
        return ApiResponse.json(200, w);
    }

    ApiResponse detail(Call call, boolean mask) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        if (ApiContext.newKernel(schema) && ChangefeedToml.wanted(call.request().header("Accept"))) {
            GoStruct config = ReplicaConfigs.forRead(cf.config(), cf.sinkUri(), schema);
            return ChangefeedToml.render(cf, cluster, schema, config, ChangefeedViews.getShowsError(cf, schema));
        }
        byte[] config = readConfigJson(cf);
        // the config is most of the answer: the buffer is sized for it once, not doubled five times
        GoJsonWriter w = GoJsonWriter.compact(1024 + config.length);
        ChangefeedViews.info(w, cf, cluster, schema, new ChangefeedViews.InfoOptions(
                mask, null, true, ChangefeedViews.getShowsError(cf, schema)), config);
        return ApiResponse.json(200, w);
    }

    /** The trimmed read-back config as JSON; rendered once per config and sink URI. */
    private byte[] readConfigJson(Changefeed cf) {
        byte[] json = cf.cachedReadConfig();
        if (json == null) {
            GoStruct config = ReplicaConfigs.forRead(cf.config(), cf.sinkUri(), schema);
            json = io.faketicdc.internal.json.GoMarshal.compact(config, schema.replicaConfig())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            cf.cacheReadConfig(json);
        }
        return json;
    }

    private ApiResponse status(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        GoJsonWriter w = GoJsonWriter.compact().beginObject();
        if (!cf.state().wire().isEmpty()) w.name("state").value(cf.state().wire());
        w.name("resolved_ts").unsigned(cf.resolvedTs());
        w.name("checkpoint_ts").unsigned(cf.checkpointTs());
        Instant checkpoint = Tso.toInstant(cf.checkpointTs());
        if (newer(cf.error(), checkpoint)) ChangefeedViews.error(w.name("last_error"), cf.error(), cluster);
        if (newer(cf.warning(), checkpoint)) ChangefeedViews.error(w.name("last_warning"), cf.warning(), cluster);
        return ApiResponse.json(200, w.endObject());
    }

    private static boolean newer(RunningError e, Instant checkpoint) {
        return e != null && e.time() != null && e.time().isAfter(checkpoint);
    }

    private ApiResponse synced(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        GoStruct cfg = schema.changefeedConfig().zero();
        GoStruct replica = schema.defaultReplicaConfig();
        GoStruct own = cf.config().struct("synced_status");
        if (own != null && own.number("synced_check_interval") != 0 && own.number("checkpoint_interval") != 0) {
            replica.set("synced_status", own.copy());
        }
        cfg.set("replica_config", replica);
        String length = call.request().header("Content-Length");
        if (length != null && !length.equals("0") && call.body().length > 0) Bodies.bind(call.body(), cfg, false);
        // the handler reads cfg.ReplicaConfig.SyncedStatus.SyncedCheckInterval with no nil check
        // (pingcap/tiflow cdc/api/v2/changefeed.go, synced; both are pointers in cdc/api/v2/model.go):
        // a body with "replica_config":null or "synced_status":null panics, and gin's recovery
        // answers a bare 500, not a 400
        GoStruct replicaConfig = cfg.struct("replica_config");
        if (replicaConfig == null) throw new HandlerPanic("nil replica_config in the synced body");
        if (replicaConfig.has("synced_status") && replicaConfig.get("synced_status") == null) {
            throw new HandlerPanic("nil synced_status in the synced body");
        }
        // with pd_addrs the handler dials that PD for the time; none answering is a 200 all the same
        java.util.List<String> pdAddrs = UpstreamPd.addrs(ctx, cfg);
        boolean pdUnreachable = !pdAddrs.isEmpty() && !UpstreamPd.reaches(pdAddrs, cluster);
        return SyncedStatus.render(cf, cluster, replicaConfig, pdUnreachable);
    }
}
