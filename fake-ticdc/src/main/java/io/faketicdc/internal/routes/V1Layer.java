package io.faketicdc.internal.routes;

import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new architecture's {@code /api/v1}: the v2 handlers behind a header (pingcap/ticdc
 * api/v1/api.go setV1Header; api/v2/helper.go isFromV1API, getStatus, toListResponse). With
 * {@code from-ticdc-api-v1: true} a v2 handler answers 202 where it would answer 200 and lists
 * as bare arrays; a v2 client that sends the header itself gets the same.
 */
final class V1Layer {
    static final String HEADER = "from-ticdc-api-v1";

    private V1Layer() { }

    /** Whether a v2 handler answers as v1: only the new architecture knows the header. */
    static boolean fromV1(ApiContext ctx, Call call) {
        return ctx.newKernel() && "true".equals(call.request().header(HEADER));
    }

    /** getStatus: 202 through /api/v1, else 200. */
    static int status(ApiContext ctx, Call call) {
        return fromV1(ctx, call) ? 202 : 200;
    }

    /** {@code {}} with {@link #status}. */
    static ApiResponse emptyObject(ApiContext ctx, Call call) {
        return fromV1(ctx, call) ? ApiResponse.json(202, new byte[] {'{', '}'}) : ApiResponse.emptyObject();
    }

    /** The call as the v1 route hands it to the v2 handler: the header set, everything else kept. */
    static Call asV1(Call call) {
        ApiRequest r = call.request();
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        headers.keySet().removeIf(HEADER::equalsIgnoreCase);
        headers.put(HEADER, new ArrayList<>(List.of("true")));
        ApiRequest v1 = new ApiRequest(r.method(), r.path(), r.rawQuery(), headers, r.body(), r.localPort(), r.slot());
        return call.forRequest(v1);
    }
}
