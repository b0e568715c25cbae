package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.json.GoJsonWriter;
import java.util.Map;

/**
 * Endpoints outside /api that deployment tools use (pingcap/tiflow cdc/http.go; cdc/api/owner/owner.go;
 * cdc/api/status/status.go; cdc/api/util.go): one-space indented
 * JSON with {@code Content-Type: application/json}, plain-text errors, no ready check.
 */
final class RootRoutes {
    private static final String JSON_NO_CHARSET = "application/json";
    private final ApiSchema schema;
    private final ClusterRoutes cluster;

    RootRoutes(ApiSchema schema, ClusterRoutes cluster) {
        this.schema = schema;
        this.cluster = cluster;
    }

    void register(Router r) {
        if (ApiContext.newKernel(schema)) {
            // the v2 ServerStatus handler ("TiDB Operator relies on this API") and the etcd dump
            // (pingcap/ticdc api/v2/api.go; api/v2/info.go); no legacy owner routes
            r.add(new Route("GET", "/status", "root status", false, c -> cluster.status(c, GoJsonWriter.indented())));
            r.add(new Route("GET", "/debug/info", "debug info", false, new MetadataView(schema)::debugInfo));
            new DebugFailpoints(schema).register(r);
            return;
        }
        r.add(new Route("GET", "/status", "root status", false, this::status));
        r.add(new Route("POST", "/capture/owner/resign", "legacy resign owner", false, this::resign));
    }

    private ApiResponse status(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Cluster cluster = ctx.cluster();
        GoJsonWriter w = GoJsonWriter.indented(" ");
        Capture self = cluster.membership().at(call.request().slot());
        w.beginObject()
                .name("version").value(cluster.identity().version())
                .name("git_hash").value(cluster.identity().gitHash())
                .name("id").value(self.id())
                .name("pid").value(cluster.identity().pid())
                .name("is_owner").value(cluster.membership().isOwner(self))
                .endObject();
        return new ApiResponse(200, JSON_NO_CHARSET, Map.of(), w.toBytes());
    }

    /** On the owner: resigns; elsewhere: 500 with the error text as plain text (not forwarded). */
    private ApiResponse resign(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Cluster cluster = ctx.cluster();
        Capture self = cluster.membership().at(call.request().slot());
        if (!cluster.membership().isOwner(self)) {
            return ApiResponse.text(500, ApiResponse.TEXT_UTF8, "[CDC:ErrNotOwner]this capture is not a owner");
        }
        cluster.resignOwner();
        GoJsonWriter w = GoJsonWriter.indented(" ").beginObject().name("status").value(true).name("message").value("").endObject();
        return new ApiResponse(200, JSON_NO_CHARSET, Map.of(), w.toBytes());
    }
}
