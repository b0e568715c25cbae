package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.FeedState;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.ConfigValidator;
import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;

/**
 * {@code PUT /api/v2/changefeeds/{id}} on the new architecture (pingcap/ticdc api/v2/changefeed.go
 * UpdateChangefeed, lines 930-1104), its checks in its order: the state (stopped or failed), the
 * body, target_ts after start_ts, start_ts not sent; then, when the config or the sink URI was
 * sent, the URI, ValidateAndAdjust (ErrInvalidReplicaConfig) and the filter (refused); then on
 * every update the same-cluster check and sink.Verify (ErrSinkURIInvalid). No pd_addrs, no check
 * of the sink's scheme against the old one, and no "the same config" refusal: an update that
 * changes nothing answers 200. A sent replica config replaces the old one, built on the defaults
 * (ToInternalReplicaConfig), so a field left out is back at its default.
 */
final class NewArchUpdate {
    private final ApiSchema schema;

    NewArchUpdate(ApiSchema schema) {
        this.schema = schema;
    }

    ApiResponse handle(Call call, UpdateChangefeed.Prepared prepared) {
        ApiContext ctx = ApiContext.of(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(ctx.key(call));
        // lines 965-975: ErrChangefeedUpdateRefused.GenWithStackByArgs keeps the template's prefix
        if (cf.state() != FeedState.STOPPED && cf.state() != FeedState.FAILED) {
            throw UpdateChangefeed.refused("can only update changefeed config when it is stopped or failed");
        }
        GoStruct body = prepared.validBody(); // lines 977-981: ErrAPIInvalidParam wrapping the bind error
        long targetTs = cf.targetTs();
        long requestedTarget = body.number("target_ts");
        if (requestedTarget != 0) {
            // lines 984-993: GenWithStack replaces the template (no "changefeed update error: ")
            if (Long.compareUnsigned(requestedTarget, cf.startTs()) <= 0) {
                throw ApiError.of("CDC:ErrChangefeedUpdateRefused", "can not update target_ts:"
                        + Long.toUnsignedString(requestedTarget) + " less than start_ts:" + Long.toUnsignedString(cf.startTs()));
            }
            targetTs = requestedTarget;
        }
        boolean configSent = body.struct("replica_config") != null;
        boolean uriSent = !body.string("sink_uri").isEmpty();
        String sinkUri = uriSent ? body.string("sink_uri") : cf.sinkUri();
        GoStruct config = configSent ? prepared.config() : cf.config().copy();
        // lines 1002-1005: checked after target_ts and the config were taken
        if (body.number("start_ts") != 0) throw ApiError.of("CDC:ErrAPIInvalidParam", "start_ts can not be updated");
        if (configSent || uriSent) verify(sinkUri, config, configSent, prepared.filterError());
        // lines 1061-1085: check.IsSameUpstreamDownstream, then sink.Verify wrapped as ErrSinkURIInvalid
        DownstreamCheck.check(ctx, prepared.probe(), sinkUri, false);
        cf.update(sinkUri, targetTs, config);
        cluster.downstreamsChanged(cf);
        if (prepared.selection() != null) cf.presetSelection(config, prepared.selection());
        cluster.touched(cf);
        // line 1103: CfInfoToAPIModel of the updated info, its config as stored (ToAPIReplicaConfig)
        GoJsonWriter w = GoJsonWriter.compact();
        ChangefeedViews.info(w, cf, cluster, schema, new ChangefeedViews.InfoOptions(true, config, false,
                ChangefeedViews.getShowsError(cf, schema)));
        return ApiResponse.json(V1Layer.status(ctx, call), w);
    }

    /**
     * Lines 1015-1058: url.Parse (ErrSinkURIInvalid, masked), ValidateAndAdjust
     * (ErrInvalidReplicaConfig), getVerifiedTables' filter (ErrChangefeedUpdateRefused by cause).
     * The sink checks that need no downstream run here as on create. Adjusts {@code config}.
     */
    private void verify(String sinkUri, GoStruct config, boolean filterChecked, RuntimeException filterError) {
        GoUrl uri = new CreateChangefeed(schema).parseSinkUri(sinkUri);
        try {
            ConfigValidator.validateAndAdjust(config, uri, schema);
        } catch (ApiError e) {
            throw CreateChangefeed.invalidReplicaConfig(e);
        }
        try {
            if (filterError != null) throw filterError;
            if (!filterChecked) ConfigValidator.filter(config, schema);
        } catch (ApiError e) {
            throw UpdateChangefeed.refused(e.errorMsg());
        }
        SinkChecks.validate(uri, sinkUri, config);
    }
}
