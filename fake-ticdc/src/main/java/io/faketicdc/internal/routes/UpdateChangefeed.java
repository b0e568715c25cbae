package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.FeedState;
import io.faketicdc.internal.cluster.UpstreamTable;
import io.faketicdc.internal.config.ApiSchema;
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
 * only stopped or failed, never a no-op. The new architecture's handler is {@link NewArchUpdate}
 * (same prepare step).
 */
final class UpdateChangefeed {
    private static final String REFUSED = "CDC:ErrChangefeedUpdateRefused";
    private final ApiSchema schema;
    private final NewArchUpdate newArch;

    UpdateChangefeed(ApiSchema schema) {
        this.schema = schema;
        this.newArch = ApiContext.newKernel(schema) ? new NewArchUpdate(schema) : null;
    }

    /**
     * What an update's body comes to, worked out before the cluster's lock ({@link #prepare}): the
     * bound body (or its bind error), and for a sent replica config its internal form, the outcome
     * of the filter checks and the filter's selection of the upstream tables.
     */
    record Prepared(GoStruct body, RuntimeException bindError, GoStruct config, RuntimeException filterError,
                    boolean[] selection, DownstreamCheck.Probe probe) {
        GoStruct validBody() {
            if (bindError != null) throw bindError;
            return body;
        }
    }

    /** The state-independent part of an update (Route.Prepare, outside the lock). */
    Prepared prepare(Call call) {
        ApiContext ctx = ApiContext.of(call);
        GoStruct body;
        try {
            body = Bodies.bind(call.body(), schema.changefeedConfig().zero(), false);
        } catch (RuntimeException e) {
            return new Prepared(null, e, null, null, null, null);
        }
        DownstreamCheck.Probe probe = DownstreamCheck.dialEffective(ctx, call, body.string("sink_uri"));
        GoStruct requested = body.struct("replica_config");
        if (requested == null) return new Prepared(body, null, null, null, null, probe);
        GoStruct config = ReplicaConfigs.toInternal(requested, schema);
        try {
            ConfigValidator.filter(config, schema);
        } catch (ApiError e) {
            return new Prepared(body, null, config, e, null, probe);
        }
        return new Prepared(body, null, config, null, UpstreamTable.selectedBy(config, ctx.cluster().upstreamTables()), probe);
    }

    ApiResponse handle(Call call) {
        ApiContext ctx = ApiContext.of(call);
        if (newArch != null) return newArch.handle(call, call.prepared());
        ChangefeedKey key = ctx.key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        if (cf.state() != FeedState.STOPPED && cf.state() != FeedState.FAILED) {
            throw ApiError.of(REFUSED, "changefeed update error: can only update changefeed config when it is stopped or failed");
        }
        Prepared prepared = call.prepared();
        GoStruct body = prepared.validBody();
        // verifyUpstream: a PD must answer for pd_addrs, and be the changefeed's upstream (the fake has one)
        java.util.List<String> pdAddrs = UpstreamPd.addrs(ctx, body);
        if (!pdAddrs.isEmpty() && !UpstreamPd.reaches(pdAddrs, cluster)) throw UpstreamPd.pdClientFailed();
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
        GoStruct config = requested != null ? prepared.config() : cf.config().copy();
        if (requested != null || uriGiven) {
            verify(ctx, cf, sinkUri, config, requested != null, prepared.filterError(), prepared.probe());
        }
        GoStruct oldView = ReplicaConfigs.forRead(cf.config(), cf.sinkUri(), schema);
        boolean changed = targetTs != cf.targetTs() || !sinkUri.equals(cf.sinkUri())
                || (requested != null && !Objects.equals(config, oldView)) || upstreamChanged(body);
        if (!changed) {
            throw ApiError.of(REFUSED, "changefeed update error: changefeed config is the same with the old one, do nothing");
        }
        DownstreamCheck.checkNotSameCluster(ctx, prepared.probe(), sinkUri);
        cf.update(sinkUri, targetTs, config);
        if (!pdAddrs.isEmpty()) cf.pdEndpoints(String.join(",", pdAddrs));
        cluster.downstreamsChanged(cf);
        if (prepared.selection() != null) cf.presetSelection(config, prepared.selection());
        cluster.touched(cf);
        GoStruct shown = requested != null ? config : ReplicaConfigs.forRead(config, sinkUri, schema);
        GoJsonWriter w = GoJsonWriter.compact();
        ChangefeedViews.info(w, cf, cluster, schema, new ChangefeedViews.InfoOptions(true, shown, false,
                ChangefeedViews.getShowsError(cf, schema)));
        return ApiResponse.json(V1Layer.status(ctx, call), w);
    }

    /**
     * Compatibility with the URI, URI syntax, ValidateAndAdjust and filters; all wrapped as refused
     * (shared by v1 update, which checks its filter here). Adjusts {@code config} in place.
     */
    void verify(ApiContext ctx, Changefeed cf, String sinkUri, GoStruct config, DownstreamCheck.Probe probe) {
        verify(ctx, cf, sinkUri, config, false, null, probe);
    }

    /**
     * @param filterChecked the filter was checked before the lock, ending in {@code filterError} (or null)
     * @param probe         the sink's downstream as dialed before the lock (null: not dialed)
     */
    private void verify(ApiContext ctx, Changefeed cf, String sinkUri, GoStruct config, boolean filterChecked, RuntimeException filterError,
                        DownstreamCheck.Probe probe) {
        GoUrl uri;
        try {
            uri = GoUrl.parse(sinkUri);
        } catch (GoUrl.UrlException e) {
            throw refused("[CDC:ErrSinkURIInvalid]sink uri invalid '" + SinkUris.maskForError(sinkUri) + "': "
                    + e.withUrl(SinkUris.maskForError(e.url())));
        }
        SinkCompatibility.check(cf.config().struct("sink"), config.struct("sink"), uri);
        try {
            ConfigValidator.validateAndAdjust(config, uri, schema);
            // a sent config's filter was checked before the lock (prepare); a kept one is checked here
            if (filterError != null) throw filterError;
            if (!filterChecked) ConfigValidator.filter(config, schema);
            SinkChecks.validate(uri, sinkUri, config);
            DownstreamCheck.check(ctx, probe, sinkUri, false);
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
