package io.faketicdc.internal.routes;

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
import io.faketicdc.internal.json.GoStruct;

/**
 * POST create, PUT update, DELETE, pause and resume (pingcap/tiflow cdc/api/v2/changefeed.go;
 * cdc/api/v2/api_helpers.go).
 */
final class ChangefeedWriteRoutes {
    private static final String BASE = "/api/v2/changefeeds";
    private final ApiSchema schema;
    final CreateChangefeed create;
    final UpdateChangefeed update;

    ChangefeedWriteRoutes(ApiSchema schema) {
        this.schema = schema;
        this.create = new CreateChangefeed(schema);
        this.update = new UpdateChangefeed(schema);
    }

    void register(Router r) {
        r.add(new Route("POST", BASE, "create changefeed", true, create::handle, create::prepare));
        r.add(new Route("PUT", BASE + "/:changefeed_id", "update changefeed", true, update::handle, update::prepare));
        r.add(new Route("DELETE", BASE + "/:changefeed_id", "delete changefeed", true, this::delete));
        r.add(new Route("POST", BASE + "/:changefeed_id/pause", "pause changefeed", true, this::pause));
        r.add(new Route("POST", BASE + "/:changefeed_id/resume", "resume changefeed", true, this::resume, this::prepareResume));
    }

    /** Before the lock: where resume opens a MySQL downstream, the dial (dial mode only). */
    Object prepareResume(Call call) {
        ApiContext ctx = ApiContext.of(call);
        return schema.traits().sameClusterCheckOnResumeAndUpdate() ? DownstreamCheck.dialEffective(ctx, call, null) : null;
    }

    /**
     * Unknown is 200 (idempotent; {@code null} in the new architecture, pingcap/ticdc
     * api/v2/changefeed.go DeleteChangefeed); otherwise removed before answering.
     */
    ApiResponse delete(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        if (ApiContext.newKernel(schema) && cluster.changefeed(key) == null) {
            return ApiResponse.json(V1Layer.status(ctx, call), new byte[] {'n', 'u', 'l', 'l'});
        }
        cluster.remove(key);
        return V1Layer.emptyObject(ctx, call);
    }

    /** No body is read; pausing a stopped, failed or finished changefeed is a silent no-op. */
    ApiResponse pause(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        cluster.ownerJob(cf, cf::pause);
        return V1Layer.emptyObject(ctx, call);
    }

    ApiResponse resume(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf;
        GoStruct body;
        if (ApiContext.newKernel(schema)) {
            // pingcap/ticdc api/v2/changefeed.go ResumeChangefeed: an empty body is the defaults,
            // the body is read before the changefeed, which must be stopped, failed or finished
            body = call.body().length == 0 ? schema.resumeConfig().zero()
                    : Bodies.unmarshal(call.body(), schema.resumeConfig().zero());
            cf = ctx.require(key);
            FeedState s = cf.state();
            if (s != FeedState.STOPPED && s != FeedState.FAILED && s != FeedState.FINISHED) {
                throw ApiError.of("CDC:ErrChangefeedUpdateRefused", "changefeed update error: can only resume changefeed "
                        + "when it is stopped, failed, or finished, but current state is " + s.wire());
            }
            // check.IsSameUpstreamDownstream comes right after the state check (before the TSO and GC checks)
            DownstreamCheck.checkNotSameCluster(ctx, call.prepared(), cf.sinkUri());
        } else {
            cf = ctx.require(key);
            body = Bodies.bind(call.body(), schema.resumeConfig().zero(), true);
            java.util.List<String> pdAddrs = UpstreamPd.addrs(ctx, body);
            if (!pdAddrs.isEmpty() && !UpstreamPd.reaches(pdAddrs, cluster)) {
                throw schema.traits().resumePdFailureIs500() ? UpstreamPd.pdClientFailedTwice() : UpstreamPd.invalidParam();
            }
        }
        long overwrite = body.number("overwrite_checkpoint_ts");
        long effective = overwrite != 0 ? overwrite : cf.checkpointTs();
        if (schema.traits().tsNotAheadOfCurrentTso()) {
            long now = cluster.currentTso();
            if (Long.compareUnsigned(effective, now) > 0) {
                throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid checkpoint-ts " + Long.toUnsignedString(effective)
                        + ", larger than current tso " + Long.toUnsignedString(now));
            }
        }
        if (schema.traits().resumeChecksGcWithoutOverwrite() || overwrite != 0) {
            long gc = cluster.gcSafepoint();
            if (Long.compareUnsigned(effective, gc) <= 0) throw CreateChangefeed.startTsBeforeGc(effective, gc);
        }
        // master: check.UpstreamDownstreamNotSame opens a MySQL downstream (a dial ran before the lock)
        if (!ApiContext.newKernel(schema)) DownstreamCheck.checkNotSameCluster(ctx, call.prepared(), cf.sinkUri());
        cluster.ownerJob(cf, () -> cf.resume(overwrite));
        return V1Layer.emptyObject(ctx, call);
    }
}
