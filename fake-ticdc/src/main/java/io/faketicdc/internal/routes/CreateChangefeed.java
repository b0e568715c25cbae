package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.UpstreamTable;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.ConfigValidator;
import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.config.ReplicaConfigs;
import io.faketicdc.internal.config.SinkUris;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.HandlerPanic;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;

/**
 * {@code POST /api/v2/changefeeds}: the create checks in their real order (pingcap/tiflow
 * cdc/api/v2/changefeed.go; cdc/api/v2/api_helpers.go).
 */
final class CreateChangefeed {
    private final ApiSchema schema;

    CreateChangefeed(ApiSchema schema) {
        this.schema = schema;
    }

    /**
     * What a create's body comes to, worked out before the cluster's lock ({@link #prepare}): the
     * bound request, and either the validated internal config with the upstream tables its filter
     * selects, or the error its validation ends in, thrown where the real handler checks it.
     */
    record Prepared(GoStruct cfg, GoStruct config, boolean[] selection, DownstreamCheck.Probe probe, RuntimeException invalid) {
        GoStruct validConfig() {
            if (invalid != null) throw invalid;
            return config;
        }
    }

    /**
     * The state-independent part of a create (Route.Prepare, outside the lock): bind the body,
     * then ToInternalReplicaConfig, the sink URI, ValidateAndAdjust, the filter checks, the
     * filter's selection of the upstream tables (its rules compiled one at a time, none kept) and,
     * in dial mode, a dial of the sink's downstream.
     */
    Prepared prepare(Call call) {
        ApiContext ctx = ApiContext.of(call);
        GoStruct target = schema.changefeedConfig().zero();
        target.set("replica_config", schema.defaultReplicaConfig());
        GoStruct cfg = Bodies.bind(call.body(), target, true);
        String sinkUri = cfg.string("sink_uri");
        if (sinkUri.isEmpty()) return new Prepared(cfg, null, null, null, null); // refused first, in handle
        try {
            GoStruct requested = cfg.struct("replica_config");
            // ToInternalReplicaConfig runs before url.Parse: a nil config panics first
            if (requested == null) throw new HandlerPanic("nil replica_config");
            GoStruct config = ReplicaConfigs.toInternal(requested, schema);
            GoUrl uri = parseSinkUri(sinkUri);
            try {
                ConfigValidator.validateAndAdjust(config, uri, schema);
            } catch (ApiError e) {
                // the new architecture wraps what ValidateAndAdjust says (pingcap/ticdc
                // api/v2/changefeed.go CreateChangefeed; pkg/errors/helper.go WrapError): no
                // argument, so the template's %s stays; 400 only if the cause names a 400 code
                if (!ApiContext.newKernel(schema)) throw e;
                throw invalidReplicaConfig(e);
            }
            ConfigValidator.filter(config, schema);
            SinkChecks.validate(uri, sinkUri, config);
            boolean[] selection = UpstreamTable.selectedBy(config, ctx.cluster().upstreamTables());
            return new Prepared(cfg, config, selection, DownstreamCheck.probe(ctx, uri, sinkUri), null);
        } catch (RuntimeException e) {
            return new Prepared(cfg, null, null, null, e);
        }
    }

    /**
     * Under the lock: the checks that read the cluster, in the real order, then the changefeed
     * joins. If anything fails after it joined (even running out of memory while rendering the
     * answer), it is taken out again: a failed create leaves nothing behind.
     */
    ApiResponse handle(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Prepared prepared = call.prepared();
        Cluster cluster = ctx.cluster();
        // getPDClient and the store for pd_addrs come first, right after the body is bound (the new
        // architecture ignores pd_addrs: pingcap/ticdc api/v2/changefeed.go)
        java.util.List<String> pdAddrs = UpstreamPd.addrs(ctx, prepared.cfg());
        if (!pdAddrs.isEmpty()) UpstreamPd.createChecks(pdAddrs, cluster);
        Changefeed cf = create(prepared, cluster, call);
        if (!pdAddrs.isEmpty()) cf.pdEndpoints(String.join(",", pdAddrs));
        cf.presetSelection(cf.config(), prepared.selection());
        add(cf, cluster);
        try {
            GoJsonWriter w = GoJsonWriter.compact();
            ChangefeedViews.info(w, cf, cluster, schema,
                    new ChangefeedViews.InfoOptions(true, cf.config(), false, false));
            return ApiResponse.json(V1Layer.status(ctx, call), w);
        } catch (Throwable t) {
            cluster.remove(cf.key());
            throw t;
        }
    }

    /**
     * Hands a new changefeed to the owner (shared by v1 create); runs within the request's step.
     * If it fails after the changefeed joined (even out of memory), the changefeed is taken out again.
     */
    static void add(Changefeed cf, Cluster cluster) {
        if (cluster.creating(cf.key())) {
            // the owner has not seen the first create yet: the metadata transaction loses
            throw ApiError.of("DFLOW:ErrMetaOpFailed", "unexpected meta operation failure: Create changefeed " + cf.key());
        }
        try {
            if (cluster.realisticAsync()) cluster.addOnNextTick(cf); else cluster.add(cf);
        } catch (Throwable t) {
            cluster.remove(cf.key());
            throw t;
        }
    }

    private Changefeed create(Prepared prepared, Cluster cluster, Call call) {
        ApiContext ctx = ApiContext.of(call);
        GoStruct cfg = prepared.cfg();
        String sinkUri = cfg.string("sink_uri");
        boolean ticdc = ApiContext.newKernel(schema);
        // tiflow refuses an empty sink URI first; the new architecture checks the ID and whether
        // it exists before (pingcap/ticdc api/v2/changefeed.go CreateChangefeed)
        if (!ticdc) requireSinkUri(sinkUri);
        String id = cfg.string("changefeed_id");
        if (id.isEmpty()) id = cluster.newUuid();
        if (!Ids.valid(id)) throw Ids.invalidId(id, ticdc);
        // the new architecture takes the keyspace of the query, not of the body (pingcap/ticdc api/v2/changefeed.go)
        String ns = schema.traits().keyspaces() ? ctx.namespace(call) : cfg.string("namespace");
        if (ns.isEmpty()) ns = ChangefeedKey.DEFAULT_NAMESPACE;
        if (!Ids.valid(ns)) throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid namespace: " + ns);
        ChangefeedKey key = new ChangefeedKey(ns, id);
        if (cluster.changefeed(key) != null) {
            // pingcap/ticdc pkg/api/util.go lists ErrChangeFeedAlreadyExists among the 400s; tiflow does not
            String msg = "changefeed already exists, " + (ticdc ? cfg.string("changefeed_id") : id);
            throw ticdc ? ApiError.withStatus(400, "CDC:ErrChangeFeedAlreadyExists", msg)
                    : ApiError.of("CDC:ErrChangeFeedAlreadyExists", msg);
        }
        if (ticdc) requireSinkUri(sinkUri);
        long startTs = startTs(cfg.number("start_ts"), cluster, schema.traits().tsNotAheadOfCurrentTso());
        long targetTs = cfg.number("target_ts");
        checkTargetTs(targetTs, startTs);
        // the replica config's checks ran before the lock (prepare); their outcome counts here
        GoStruct config = prepared.validConfig();
        // the validator opens the sink last (a dial ran before the lock; scripted downstreams count now)
        DownstreamCheck.check(ctx, prepared.probe(), sinkUri, true);
        return new Changefeed(key, cluster.identity().upstreamId(), cluster.clock().now(),
                cluster.identity().version(), sinkUri, startTs, targetTs, config);
    }

    /** errors.WrapError(ErrInvalidReplicaConfig, cause) as the new architecture answers it. */
    static ApiError invalidReplicaConfig(ApiError cause) {
        return ApiError.of("CDC:ErrInvalidReplicaConfig", "invalid replica config, %s: " + cause.errorMsg());
    }

    private static void requireSinkUri(String sinkUri) {
        if (sinkUri.isEmpty()) {
            throw ApiError.of("CDC:ErrSinkURIInvalid",
                    "sink uri invalid 'sink_uri is empty, cannot create a changefeed without sink_uri'");
        }
    }

    /** 400 ErrTargetTsBeforeStartTs unless {@code targetTs} is 0 or after {@code startTs}. */
    static void checkTargetTs(long targetTs, long startTs) {
        if (targetTs != 0 && Long.compareUnsigned(targetTs, startTs) <= 0) {
            throw ApiError.of("CDC:ErrTargetTsBeforeStartTs", "fail to create changefeed because target-ts "
                    + Long.toUnsignedString(targetTs) + " is earlier than start-ts " + Long.toUnsignedString(startTs));
        }
    }

    /**
     * The start ts: 0 is PD's current TSO; with {@code notAheadOfNow} a later one is refused; at
     * or before the GC safepoint is ErrStartTsBeforeGC.
     */
    static long startTs(long requested, Cluster cluster, boolean notAheadOfNow) {
        long startTs = requested;
        if (startTs == 0 || notAheadOfNow) {
            long now = cluster.currentTso();
            if (startTs == 0) {
                startTs = now;
            } else if (Long.compareUnsigned(startTs, now) > 0) {
                throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid start-ts " + Long.toUnsignedString(startTs)
                        + ", larger than current tso " + Long.toUnsignedString(now));
            }
        }
        long gc = cluster.gcSafepoint();
        if (Long.compareUnsigned(startTs, gc) <= 0) throw startTsBeforeGc(startTs, gc);
        return startTs;
    }

    static ApiError startTsBeforeGc(long ts, long gc) {
        return ApiError.of("CDC:ErrStartTsBeforeGC", "fail to create or maintain changefeed because start-ts "
                + Long.toUnsignedString(ts) + " is earlier than or equal to GC safepoint at " + Long.toUnsignedString(gc));
    }

    GoUrl parseSinkUri(String sinkUri) {
        try {
            return GoUrl.parse(sinkUri);
        } catch (GoUrl.UrlException e) {
            if (!schema.traits().maskedSinkUriInParseError()) {
                throw ApiError.of("CDC:ErrSinkURIInvalid", "sink uri invalid '%s': " + e.getMessage());
            }
            String masked = SinkUris.maskForError(sinkUri);
            throw ApiError.of("CDC:ErrSinkURIInvalid", "sink uri invalid '" + masked + "': "
                    + e.withUrl(SinkUris.maskForError(e.url())));
        }
    }
}
