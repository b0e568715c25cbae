package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.FeedState;
import io.faketicdc.internal.config.ConfigValidator;
import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.config.ReplicaConfigs;
import io.faketicdc.internal.config.SinkUris;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;
import java.util.Objects;

/**
 * {@code PUT /api/v2/changefeeds/{id}} (pingcap/tiflow cdc/api/v2/changefeed.go; cdc/api/v2/api_helpers.go):
 * only stopped or failed, never a no-op.
 */
final class UpdateChangefeed {
    private static final String REFUSED = "CDC:ErrChangefeedUpdateRefused";
    private final ApiContext ctx;

    UpdateChangefeed(ApiContext ctx) {
        this.ctx = ctx;
    }

    ApiResponse handle(Call call) {
        ChangefeedKey key = Ids.key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        if (cf.state() != FeedState.STOPPED && cf.state() != FeedState.FAILED) {
            throw ApiError.of(REFUSED, "changefeed update error: can only update changefeed config when it is stopped or failed");
        }
        GoStruct body = Bodies.bind(call.body(), ctx.schema().changefeedConfig().zero(), false);
        long targetTs = cf.targetTs();
        long requestedTarget = body.number("target_ts");
        if (requestedTarget != 0) {
            if (Long.compareUnsigned(requestedTarget, cf.startTs()) <= 0) {
                throw ApiError.of(REFUSED, "can not update target_ts:" + Long.toUnsignedString(requestedTarget)
                        + " less than start_ts:" + Long.toUnsignedString(cf.startTs()));
            }
            targetTs = requestedTarget;
        }
        GoStruct requested = body.struct("replica_config");
        boolean uriGiven = !body.string("sink_uri").isEmpty();
        String sinkUri = uriGiven ? body.string("sink_uri") : cf.sinkUri();
        GoStruct config = requested != null ? ReplicaConfigs.toInternal(requested, ctx.schema()) : cf.config().copy();
        if (requested != null || uriGiven) verify(cf, sinkUri, config);
        GoStruct oldView = ReplicaConfigs.forRead(cf.config(), cf.sinkUri(), ctx.schema());
        boolean changed = targetTs != cf.targetTs() || !sinkUri.equals(cf.sinkUri())
                || (requested != null && !Objects.equals(config, oldView)) || upstreamChanged(body);
        if (!changed) {
            throw ApiError.of(REFUSED, "changefeed update error: changefeed config is the same with the old one, do nothing");
        }
        cf.update(sinkUri, targetTs, config);
        cluster.touched(cf);
        GoStruct shown = requested != null ? config : ReplicaConfigs.forRead(config, sinkUri, ctx.schema());
        GoJsonWriter w = GoJsonWriter.compact();
        ChangefeedViews.info(w, cf, cluster, ctx.schema(), new ChangefeedViews.InfoOptions(true, shown, false,
                ChangefeedViews.getShowsError(cf, ctx.schema())));
        return ApiResponse.json(200, w);
    }

    /**
     * Compatibility with the URI, URI syntax, ValidateAndAdjust and filters; all wrapped as refused
     * (shared by v1 update). Adjusts {@code config} in place.
     */
    void verify(Changefeed cf, String sinkUri, GoStruct config) {
        GoUrl uri;
        try {
            uri = GoUrl.parse(sinkUri);
        } catch (GoUrl.UrlException e) {
            throw refused("[CDC:ErrSinkURIInvalid]sink uri invalid '" + SinkUris.maskForError(sinkUri) + "': "
                    + e.withUrl(SinkUris.maskForError(e.url())));
        }
        SinkCompatibility.check(cf.config().struct("sink"), config.struct("sink"), uri);
        try {
            ConfigValidator.validateAndAdjust(config, uri, ctx.schema());
            ConfigValidator.filter(config, ctx.schema());
            SinkChecks.validate(uri, sinkUri, config);
        } catch (ApiError e) {
            throw refused(e.errorMsg());
        }
    }

    static ApiError refused(String inner) {
        return ApiError.of(REFUSED, "changefeed update error: " + inner);
    }

    /** PD addresses or TLS paths sent: the upstream info changes. */
    private static boolean upstreamChanged(GoStruct body) {
        return body.get("pd_addrs") != null || !body.string("ca_path").isEmpty()
                || !body.string("cert_path").isEmpty() || !body.string("key_path").isEmpty()
                || body.get("cert_allowed_cn") != null;
    }
}
