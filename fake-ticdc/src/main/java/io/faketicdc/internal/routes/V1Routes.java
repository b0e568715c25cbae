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
import io.faketicdc.internal.json.GoBinder;
import io.faketicdc.internal.json.GoJsonReader;
import io.faketicdc.internal.json.GoJsonSyntaxException;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType;
import java.util.List;

/**
 * /api/v1 but its changefeed group ({@link V1ChangefeedRoutes}): status, health, log, captures,
 * drain, owner resign and processors (pingcap/tiflow cdc/api/v1/api.go; cdc/model/http_model.go):
 * bare arrays, indented bodies, 202 with an empty body for mutations.
 */
final class V1Routes {
    private static final GoType.Struct DRAIN_REQUEST = new GoType.Struct("model.DrainCaptureRequest")
            .fields(List.of(Field.of("capture_id", Scalar.STRING)));
    private final ApiSchema schema;
    private final ClusterRoutes cluster;

    V1Routes(ApiSchema schema, ClusterRoutes cluster) {
        this.schema = schema;
        this.cluster = cluster;
    }

    void register(Router r) {
        r.add(new Route("GET", "/api/v1/status", "v1 server status", false, c -> cluster.status(c, GoJsonWriter.indented())));
        r.add(new Route("GET", "/api/v1/health", "v1 health", true, this::health));
        r.add(new Route("GET", "/api/v1/captures", "v1 list captures", true, this::captures));
        r.add(new Route("POST", "/api/v1/owner/resign", "v1 resign owner", true, c -> {
            cluster.resign(c);
            return ApiResponse.bare(202);
        }));
        r.add(new Route("PUT", "/api/v1/captures/drain", "v1 drain capture", true, this::drain));
        r.add(new Route("POST", "/api/v1/log", "v1 set log level", false, c -> {
            cluster.setLogLevel(c, false);
            return ApiResponse.bare(200);
        }));
        r.add(new Route("GET", "/api/v1/processors", "v1 list processors", true, this::processors));
        r.add(new Route("GET", "/api/v1/processors/:changefeed_id/:capture_id", "v1 get processor", true, this::processor));
        new V1ChangefeedRoutes(schema).register(r);
    }

    /** 200 with no body; unhealthy is the indented error with status 500. */
    private ApiResponse health(Call call) {
        cluster.health(call);
        return ApiResponse.bare(200);
    }

    private ApiResponse captures(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Cluster c = ctx.cluster();
        GoJsonWriter w = GoJsonWriter.indented().beginArray();
        for (Capture capture : c.captures()) ServerViews.capture(w, capture, c);
        return ApiResponse.json(200, w.endArray());
    }

    /** One item per capture of each changefeed the owner runs. */
    private ApiResponse processors(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Cluster c = ctx.cluster();
        GoJsonWriter w = GoJsonWriter.indented().beginArray();
        for (Changefeed cf : c.changefeeds()) {
            if (!ProcessorRoutes.hasProcessors(cf)) continue;
            for (Capture capture : c.captures()) {
                w.beginObject().name("namespace").value(cf.namespace()).name("changefeed_id").value(cf.id())
                        .name("capture_id").value(capture.id()).endObject();
            }
        }
        return ApiResponse.json(200, w.endArray());
    }

    /**
     * {@code {"table_ids": [...]}}. For a changefeed that is not normal the handler records its
     * error and carries on: a capture that runs no processor is still ErrCaptureNotExist (the last
     * error wins), else the client gets 200 with the detail ({@code null} tables when the owner
     * runs none) followed by the error document, both indented, in one body.
     */
    private ApiResponse processor(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = V1ChangefeedRoutes.key(call);
        String captureId = call.param("capture_id");
        if (!Ids.valid(captureId)) throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid capture_id: " + captureId);
        Cluster c = ctx.cluster();
        Changefeed cf = ctx.require(key);
        ApiError abnormal = cf.state() == FeedState.NORMAL ? null : ApiError.of("CDC:ErrAPIInvalidParam",
                "invalid api parameter: changefeed in abnormal state: " + cf.state().wire()
                        + ", can't get processors of an abnormal changefeed");
        Capture capture = c.membership().byId(captureId);
        if (capture == null || !anyProcessors(c)) throw ApiError.of("CDC:ErrCaptureNotExist", "capture not exists, " + captureId);
        GoJsonWriter w = GoJsonWriter.indented().beginObject().name("table_ids");
        if (ProcessorRoutes.hasProcessors(cf)) {
            c.reschedule(cf);
            w.beginArray();
            for (long id : ProcessorRoutes.tablesOf(cf, capture)) w.value(id);
            w.endArray();
        } else {
            w.nullValue();
        }
        byte[] detail = w.endObject().toBytes();
        if (abnormal == null) return ApiResponse.json(200, detail);
        byte[] error = abnormal.toResponse().body();
        byte[] both = java.util.Arrays.copyOf(detail, detail.length + error.length);
        System.arraycopy(error, 0, both, detail.length, error.length);
        return ApiResponse.json(200, both);
    }

    /** GetProcessors lists captures only under changefeeds the owner runs. */
    private static boolean anyProcessors(Cluster c) {
        for (Changefeed cf : c.changefeeds()) {
            if (ProcessorRoutes.hasProcessors(cf)) return true;
        }
        return false;
    }

    /** ShouldBindJSON: a bad body is an ordinary 400 with a JSON content type. */
    private ApiResponse drain(Call call) {
        String captureId;
        try {
            GoStruct req = (GoStruct) GoBinder.decode(GoJsonReader.read(call.body()), DRAIN_REQUEST, DRAIN_REQUEST.zero());
            captureId = req.string("capture_id");
        } catch (GoJsonSyntaxException e) {
            throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid api parameter: " + e.getMessage());
        }
        int count = cluster.drainCount(ApiContext.of(call), captureId);
        return ApiResponse.json(202, GoJsonWriter.compact().beginObject().name("current_table_count").value(count).endObject());
    }
}
