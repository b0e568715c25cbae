package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
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
import io.faketicdc.internal.json.GoType;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Scalar;
import java.util.List;

/**
 * The part of /api/v1 deployment tools call (pingcap/tiflow cdc/api/v1/api.go; cdc/model/http_model.go):
 * bare arrays, indented
 * bodies, 202 with an empty body for mutations.
 */
final class V1Routes {
    private static final GoType.Struct DRAIN_REQUEST = new GoType.Struct("model.DrainCaptureRequest")
            .fields(List.of(Field.of("capture_id", Scalar.STRING)));
    private final ApiContext ctx;
    private final ClusterRoutes cluster;

    V1Routes(ApiContext ctx, ClusterRoutes cluster) {
        this.ctx = ctx;
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
    }

    /** 200 with no body; unhealthy is the indented error with status 500. */
    private ApiResponse health(Call call) {
        cluster.health(call);
        return ApiResponse.bare(200);
    }

    private ApiResponse captures(Call call) {
        Cluster c = ctx.cluster();
        GoJsonWriter w = GoJsonWriter.indented().beginArray();
        for (Capture capture : c.captures()) ServerViews.capture(w, capture, c);
        return ApiResponse.json(200, w.endArray());
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
        int count = cluster.drainCount(captureId);
        return ApiResponse.json(202, GoJsonWriter.compact().beginObject().name("current_table_count").value(count).endObject());
    }
}
