package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.FeedState;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.json.GoJsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v2/processors and /api/v2/processors/{changefeed_id}/{capture_id} (pingcap/tiflow
 * cdc/api/v2/processor.go; cdc/owner/owner.go).
 */
final class ProcessorRoutes {
    private final ApiSchema schema;

    ProcessorRoutes(ApiSchema schema) {
        this.schema = schema;
    }

    void register(Router r) {
        if (ApiContext.newKernel(schema)) {
            // stubs kept for old clients, served by any node (pingcap/ticdc api/v2/processor.go; api/v2/api.go)
            r.add(new Route("GET", "/api/v2/processors", "list processors", false, this::noProcessors));
            r.add(new Route("GET", "/api/v2/processors/:changefeed_id/:capture_id", "get processor", false, ProcessorRoutes::noTables));
            return;
        }
        r.add(new Route("GET", "/api/v2/processors", "list processors", true, this::list));
        r.add(new Route("GET", "/api/v2/processors/:changefeed_id/:capture_id", "get processor", true, this::detail));
    }

    /** The new architecture lists no processors: {@code {"total":0,"items":[]}}, or {@code []} through v1. */
    ApiResponse noProcessors(Call call) {
        ApiContext ctx = ApiContext.of(call);
        byte[] body = V1Layer.fromV1(ctx, call) ? "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : "{\"total\":0,\"items\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return ApiResponse.json(200, body);
    }

    /** The new architecture's processor detail: always {@code {"table_ids":null}}. */
    static ApiResponse noTables(Call call) {
        return ApiResponse.json(200, "{\"table_ids\":null}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Processors exist for changefeeds the owner runs (normal, warning), one per capture. */
    static boolean hasProcessors(Changefeed cf) {
        return cf.state() == FeedState.NORMAL || cf.state() == FeedState.WARNING;
    }

    private ApiResponse list(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Cluster cluster = ctx.cluster();
        List<String[]> items = new ArrayList<>();
        for (Changefeed cf : cluster.changefeeds()) {
            if (!hasProcessors(cf)) continue;
            for (Capture c : cluster.captures()) items.add(new String[] {cf.namespace(), cf.id(), c.id()});
        }
        GoJsonWriter w = GoJsonWriter.compact().beginObject().name("total").value(items.size()).name("items").beginArray();
        for (String[] i : items) {
            w.beginObject().name("namespace").value(i[0]).name("changefeed_id").value(i[1])
                    .name("capture_id").value(i[2]).endObject();
        }
        return ApiResponse.json(200, w.endArray().endObject());
    }

    private ApiResponse detail(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = ctx.key(call);
        String captureId = call.param("capture_id");
        if (!Ids.valid(captureId)) throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid capture_id: " + captureId);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        if (!hasProcessors(cf)) {
            throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid api parameter: changefeed in abnormal state: "
                    + cf.state().wire() + ", can'duration get processor of an abnormal changefeed");
        }
        Capture capture = cluster.membership().byId(captureId);
        if (capture == null) throw ApiError.of("CDC:ErrCaptureNotExist", "capture not exists, " + captureId);
        cluster.reschedule(cf);
        GoJsonWriter w = GoJsonWriter.compact().beginObject().name("table_ids").beginArray();
        for (long id : tablesOf(cf, capture)) w.value(id);
        return ApiResponse.json(200, w.endArray().endObject());
    }

    static List<Long> tablesOf(Changefeed cf, Capture capture) {
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Long, String> e : cf.tables().entrySet()) {
            if (e.getValue().equals(capture.id())) ids.add(e.getKey());
        }
        ids.sort(null);
        return ids;
    }
}
