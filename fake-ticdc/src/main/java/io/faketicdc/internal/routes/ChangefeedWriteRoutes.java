package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.json.GoStruct;

/**
 * POST create, PUT update, DELETE, pause and resume (pingcap/tiflow cdc/api/v2/changefeed.go;
 * cdc/api/v2/api_helpers.go).
 */
final class ChangefeedWriteRoutes {
    private static final String BASE = "/api/v2/changefeeds";
    private final ApiContext ctx;

    ChangefeedWriteRoutes(ApiContext ctx) {
        this.ctx = ctx;
    }

    void register(Router r) {
        CreateChangefeed create = new CreateChangefeed(ctx);
        UpdateChangefeed update = new UpdateChangefeed(ctx);
        r.add(new Route("POST", BASE, "create changefeed", true, create::handle, create::prepare));
        r.add(new Route("PUT", BASE + "/:changefeed_id", "update changefeed", true, update::handle, update::prepare));
        r.add(new Route("DELETE", BASE + "/:changefeed_id", "delete changefeed", true, this::delete));
        r.add(new Route("POST", BASE + "/:changefeed_id/pause", "pause changefeed", true, this::pause));
        r.add(new Route("POST", BASE + "/:changefeed_id/resume", "resume changefeed", true, this::resume));
    }

    /** Unknown is 200 (idempotent); otherwise removed before answering. */
    private ApiResponse delete(Call call) {
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        cluster.remove(key);
        return ApiResponse.emptyObject();
    }

    /** No body is read; pausing a stopped, failed or finished changefeed is a silent no-op. */
    private ApiResponse pause(Call call) {
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        cluster.ownerJob(cf, cf::pause);
        return ApiResponse.emptyObject();
    }

    private ApiResponse resume(Call call) {
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        GoStruct body = Bodies.bind(call.body(), ctx.schema().resumeConfig().zero(), true);
        long overwrite = body.number("overwrite_checkpoint_ts");
        long effective = overwrite != 0 ? overwrite : cf.checkpointTs();
        if (ctx.traits().tsNotAheadOfCurrentTso()) {
            long now = cluster.currentTso();
            if (Long.compareUnsigned(effective, now) > 0) {
                throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid checkpoint-ts " + Long.toUnsignedString(effective)
                        + ", larger than current tso " + Long.toUnsignedString(now));
            }
        }
        if (ctx.traits().resumeChecksGcWithoutOverwrite() || overwrite != 0) {
            long gc = cluster.gcSafepoint();
            if (Long.compareUnsigned(effective, gc) <= 0) throw CreateChangefeed.startTsBeforeGc(effective, gc);
        }
        cluster.ownerJob(cf, () -> cf.resume(overwrite));
        return ApiResponse.emptyObject();
    }
}
