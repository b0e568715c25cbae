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
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.http.Router;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.GoType.Field;
import io.faketicdc.internal.json.GoType.Scalar;
import io.faketicdc.internal.json.GoType;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The changefeed group of /api/v1 (pingcap/tiflow cdc/api/v1/api.go; cdc/api/v1/validator.go;
 * cdc/model/http_model.go; cdc/model/changefeed.go): v1's own bodies over the same changefeeds v2
 * serves. Reads answer indented JSON (a bare array for the list); every change answers 202 with
 * an empty body. Changefeeds live in the {@code default} namespace only (the list shows all).
 */
final class V1ChangefeedRoutes {
    private static final String BASE = "/api/v1/changefeeds";
    private static final String REFUSED = "CDC:ErrChangefeedUpdateRefused";
    private static final GoType.Struct MOVE_TABLE_REQ = new GoType.Struct("model.MoveTableReq").fields(List.of(
            Field.of("capture_id", Scalar.STRING), Field.of("table_id", Scalar.INT64)));
    /** The time zones Go's LoadLocation knows; made on the first v1 create (they load the JDK's zone data). */
    private static final class Zones {
        static final Set<String> ALL = ZoneId.getAvailableZoneIds();
    }
    private final ApiSchema schema;
    private final UpdateChangefeed v2Update;

    V1ChangefeedRoutes(ApiSchema schema) {
        this.schema = schema;
        this.v2Update = new UpdateChangefeed(schema);
    }

    /** The profile's v1 body types, derived on the first v1 create or update (and kept per profile). */
    private V1ChangefeedConfig types() {
        return V1ChangefeedConfig.of(schema);
    }

    void register(Router r) {
        r.add(new Route("GET", BASE, "v1 list changefeeds", true, this::list));
        r.add(new Route("GET", BASE + "/:changefeed_id", "v1 get changefeed", true, this::detail));
        r.add(new Route("POST", BASE, "v1 create changefeed", true, this::create, this::prepareCreate));
        r.add(new Route("PUT", BASE + "/:changefeed_id", "v1 update changefeed", true, this::update, this::prepareUpdate));
        r.add(new Route("POST", BASE + "/:changefeed_id/pause", "v1 pause changefeed", true, this::pause));
        r.add(new Route("POST", BASE + "/:changefeed_id/resume", "v1 resume changefeed", true, this::resume,
                call -> schema.traits().sameClusterCheckOnResumeAndUpdate() ? DownstreamCheck.dialEffective(ApiContext.of(call), call, null) : null));
        r.add(new Route("DELETE", BASE + "/:changefeed_id", "v1 delete changefeed", true, this::delete));
        r.add(new Route("POST", BASE + "/:changefeed_id/tables/rebalance_table", "v1 rebalance tables", true, this::rebalance));
        r.add(new Route("POST", BASE + "/:changefeed_id/tables/move_table", "v1 move table", true, this::moveTable));
    }

    /** v1 takes no namespace: {@code model.DefaultChangeFeedID}, the ID checked first. */
    static ChangefeedKey key(Call call) {
        return new ChangefeedKey(ChangefeedKey.DEFAULT_NAMESPACE, Ids.changefeedId(call, false));
    }

    /**
     * Every namespace, sorted; {@code state} empty lists all but finished and removed, {@code all}
     * everything, else that raw state (FeedState.IsNeeded). {@code error} is the recorded error,
     * null for a normal changefeed (ChangefeedCommonInfo.MarshalJSON).
     */
    private ApiResponse list(Call call) {
        ApiContext ctx = ApiContext.of(call);
        String state = call.query("state");
        Cluster cluster = ctx.cluster();
        GoJsonWriter w = GoJsonWriter.indented().beginArray();
        for (Changefeed cf : cluster.changefeeds()) {
            boolean wanted = state.isEmpty() ? cf.state().listedByDefault()
                    : state.equals("all") || cf.state().wire().equals(state);
            if (!wanted) continue;
            w.beginObject();
            w.name("upstream_id").unsigned(cf.upstreamId());
            w.name("namespace").value(cf.namespace());
            w.name("id").value(cf.id());
            w.name("state").value(cf.state().wire());
            w.name("checkpoint_tso").unsigned(cf.checkpointTs());
            w.name("checkpoint_time").value(cluster.formats().tsoTime(cf.checkpointTs()));
            w.name("error");
            if (cf.state() == FeedState.NORMAL || cf.error() == null) w.nullValue();
            else ChangefeedViews.error(w, cf.error(), cluster);
            w.endObject();
        }
        return ApiResponse.json(200, w.endArray());
    }

    /**
     * ChangefeedDetail: {@code create_time} in the checkpoint's format, {@code error} and
     * {@code error_history} never filled (null), {@code task_status} for a normal changefeed only.
     */
    private ApiResponse detail(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        GoJsonWriter w = GoJsonWriter.indented().beginObject();
        w.name("upstream_id").unsigned(cf.upstreamId());
        w.name("namespace").value(cf.namespace());
        w.name("id").value(cf.id());
        w.name("sink_uri").value(cf.maskedSinkUri(SinkUris::mask));
        w.name("create_time").value(cluster.formats().millis(cf.createTime()));
        w.name("start_ts").unsigned(cf.startTs());
        w.name("resolved_ts").unsigned(cf.resolvedTs());
        w.name("target_ts").unsigned(cf.targetTs());
        w.name("checkpoint_tso").unsigned(cf.checkpointTs());
        w.name("checkpoint_time").value(cluster.formats().tsoTime(cf.checkpointTs()));
        if (!cf.sortEngine().isEmpty()) w.name("sort_engine").value(cf.sortEngine());
        w.name("state").value(cf.state().wire());
        w.name("error").nullValue();
        w.name("error_history").nullValue();
        w.name("creator_version").value(cf.creatorVersion());
        if (cf.state() == FeedState.NORMAL && !cluster.captures().isEmpty()) ChangefeedViews.taskStatus(w, cf, cluster);
        return ApiResponse.json(200, w.endObject());
    }

    /**
     * verifyCreateChangefeedConfig in its order; the config is the default replica config with the
     * v1 fields put in, validated by the same code as v2 create. 202, no body.
     */
    /**
     * What a v1 create's body comes to, worked out before the cluster's lock: the bound body, and
     * either the validated internal config with the upstream tables its filter selects, or the
     * error its validation ends in, thrown where the real handler checks it.
     */
    private record Prepared(GoStruct body, GoStruct config, boolean[] selection, DownstreamCheck.Probe probe,
                            RuntimeException invalid) { }

    /** The state-independent part of a v1 create (outside the lock): bind, build and check the config. */
    private Prepared prepareCreate(Call call) {
        ApiContext ctx = ApiContext.of(call);
        GoStruct body = Bodies.bind(call.body(), types().body().zero(), false);
        if (body.string("sink_uri").isEmpty()) return new Prepared(body, null, null, null, null); // refused first, in create
        try {
            GoStruct config = schema.defaultReplicaConfig();
            config.set("force_replicate", body.bool("force_replicate"));
            apply(body, config);
            config = ReplicaConfigs.toInternal(config, schema);
            String sinkUri = body.string("sink_uri");
            GoUrl uri = new CreateChangefeed(schema).parseSinkUri(sinkUri);
            ConfigValidator.validateAndAdjust(config, uri, schema);
            ConfigValidator.filter(config, schema);
            checkTimezone(body.string("timezone"));
            SinkChecks.validate(uri, sinkUri, config);
            return new Prepared(body, config, UpstreamTable.selectedBy(config, ctx.cluster().upstreamTables()),
                    DownstreamCheck.probe(ctx, uri, sinkUri), null);
        } catch (RuntimeException e) {
            return new Prepared(body, null, null, null, e);
        }
    }

    private ApiResponse create(Call call) {
        ApiContext ctx = ApiContext.of(call);
        Prepared prepared = call.prepared();
        Cluster cluster = ctx.cluster();
        Changefeed cf = newChangefeed(ctx, prepared, cluster);
        cf.presetSelection(cf.config(), prepared.selection());
        CreateChangefeed.add(cf, cluster);
        return ApiResponse.bare(202);
    }

    /** Under the lock: the checks that read the cluster, in the real order; then the prepared config's outcome. */
    private Changefeed newChangefeed(ApiContext ctx, Prepared prepared, Cluster cluster) {
        GoStruct body = prepared.body();
        String sinkUri = body.string("sink_uri");
        if (sinkUri.isEmpty()) {
            throw ApiError.of("CDC:ErrSinkURIInvalid",
                    "sink uri invalid 'sink-uri is empty, can't not create a changefeed without sink-uri'");
        }
        String id = body.string("changefeed_id");
        if (!Ids.valid(id)) throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid changefeed_id: " + id);
        ChangefeedKey key = new ChangefeedKey(ChangefeedKey.DEFAULT_NAMESPACE, id);
        if (cluster.changefeed(key) != null) {
            throw ApiError.of("CDC:ErrChangeFeedAlreadyExists", "changefeed already exists, " + id);
        }
        long startTs = CreateChangefeed.startTs(body.number("start_ts"), cluster, true);
        long targetTs = body.number("target_ts");
        CreateChangefeed.checkTargetTs(targetTs, startTs);
        if (prepared.invalid() != null) throw prepared.invalid();
        DownstreamCheck.check(ctx, prepared.probe(), sinkUri, true);
        Changefeed cf = new Changefeed(key, cluster.identity().upstreamId(), cluster.clock().now(),
                cluster.identity().version(), sinkUri, startTs, targetTs, prepared.config());
        cf.sortEngine("unified");
        return cf;
    }

    /**
     * The fields v1 create and update both take: mounter_worker_num and ignore_txn_start_ts when
     * set, sink_config (replacing the whole sink section) when sent; returns whether it was sent.
     */
    private boolean apply(GoStruct body, GoStruct config) {
        long workers = body.number("mounter_worker_num");
        if (workers != 0) section(config, "mounter").set("worker_num", workers);
        List<?> ignoreTs = (List<?>) body.get("ignore_txn_start_ts");
        if (ignoreTs != null && !ignoreTs.isEmpty()) section(config, "filter").set("ignore_txn_start_ts", ignoreTs);
        List<?> rules = (List<?>) body.get("filter_rules");
        if (rules != null && !rules.isEmpty()) section(config, "filter").set("rules", rules);
        GoStruct sink = body.struct("sink_config");
        if (sink != null) config.set("sink", types().toV2Sink(sink));
        return sink != null;
    }

    /** A section of the config, its default put in first if it is nil. */
    private GoStruct section(GoStruct config, String name) {
        GoStruct s = config.struct(name);
        if (s == null) {
            s = schema.defaultReplicaConfig().struct(name);
            config.set(name, s);
        }
        return s;
    }

    /** util.GetTimezone: empty, system and local are the server's zone; else a tz database name. */
    private static void checkTimezone(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.equals("system") || lower.equals("local") || name.equals("UTC") || Zones.ALL.contains(name)) {
            return;
        }
        throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid api parameter: invalid timezone:" + name
                + ": [CDC:ErrLoadTimezone]load timezone: unknown time zone " + name);
    }

    /**
     * Only stopped or failed (checked before the body is read); only target_ts, sink_uri,
     * filter_rules, ignore_txn_start_ts, mounter_worker_num and sink_config count
     * (VerifyUpdateChangefeedConfig); a bad body is Go's bare error with an empty code.
     */
    /** A v1 update's body and its filter rules' own check, worked out before the cluster's lock. */
    private record PreparedUpdate(GoStruct body, RuntimeException invalid, ConfigValidator.RuleCheck rules,
                                  DownstreamCheck.Probe probe) { }

    private PreparedUpdate prepareUpdate(Call call) {
        ApiContext ctx = ApiContext.of(call);
        try {
            GoStruct body = Bodies.bindUnwrapped(call.body(), types().body().zero());
            List<?> rules = (List<?>) body.get("filter_rules");
            return new PreparedUpdate(body, null, rules != null && !rules.isEmpty() ? ConfigValidator.RuleCheck.of(rules) : null,
                    DownstreamCheck.dialEffective(ctx, call, body.string("sink_uri")));
        } catch (RuntimeException e) {
            // the body is read after the state check: its error is thrown there
            return new PreparedUpdate(null, e, null, null);
        }
    }

    private ApiResponse update(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        if (cf.state() != FeedState.STOPPED && cf.state() != FeedState.FAILED) {
            throw UpdateChangefeed.refused("can only update changefeed config when it is stopped or failed");
        }
        PreparedUpdate prepared = call.prepared();
        if (prepared.invalid() != null) throw prepared.invalid();
        GoStruct body = prepared.body();
        long targetTs = cf.targetTs();
        long requestedTarget = body.number("target_ts");
        if (requestedTarget != 0) {
            if (Long.compareUnsigned(requestedTarget, cf.startTs()) <= 0) {
                throw ApiError.of(REFUSED, "can not update target-ts:" + Long.toUnsignedString(requestedTarget)
                        + " less than start-ts:" + Long.toUnsignedString(cf.startTs()));
            }
            targetTs = requestedTarget;
        }
        GoStruct config = cf.config().copy();
        List<?> rules = (List<?>) body.get("filter_rules");
        if (rules != null && !rules.isEmpty()) {
            section(config, "filter").set("rules", rules);
            try {
                ConfigValidator.filter(config, schema, prepared.rules());
            } catch (ApiError e) {
                throw UpdateChangefeed.refused(e.errorMsg());
            }
        }
        boolean sinkSent = apply(body, config);
        boolean uriSent = !body.string("sink_uri").isEmpty();
        String sinkUri = uriSent ? body.string("sink_uri") : cf.sinkUri();
        if (sinkSent || uriSent) v2Update.verify(ctx, cf, sinkUri, config, prepared.probe());
        if (targetTs == cf.targetTs() && sinkUri.equals(cf.sinkUri()) && config.equals(cf.config())) {
            throw UpdateChangefeed.refused("changefeed config is the same with the old one, do nothing");
        }
        DownstreamCheck.checkNotSameCluster(ctx, prepared.probe(), sinkUri);
        cf.update(sinkUri, targetTs, config);
        cluster.touched(cf);
        cluster.downstreamsChanged(cf);
        return ApiResponse.bare(202);
    }

    /** Unknown is 400 (v2 answers 200); the real handler then waits until the owner removed it. */
    private ApiResponse delete(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = key(call);
        Cluster cluster = ctx.cluster();
        if (cluster.changefeed(key) == null && !cluster.creating(key)) throw Ids.notExists(key);
        cluster.remove(key);
        return ApiResponse.bare(202);
    }

    private ApiResponse pause(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        cluster.ownerJob(cf, cf::pause);
        return ApiResponse.bare(202);
    }

    /** No body, no checkpoint to overwrite; master checks a MySQL downstream (UpstreamDownstreamNotSame). */
    private ApiResponse resume(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        DownstreamCheck.checkNotSameCluster(ctx, call.prepared(), cf.sinkUri());
        cluster.ownerJob(cf, () -> cf.resume(0));
        return ApiResponse.bare(202);
    }

    private ApiResponse rebalance(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        cluster.ownerJob(cf, () -> cluster.rebalanceTables(cf));
        return ApiResponse.bare(202);
    }

    /**
     * Changefeed first, then the body, then the capture ID (checked with the changefeed-ID
     * pattern); an unknown capture or table is accepted and the owner ignores it.
     */
    private ApiResponse moveTable(Call call) {
        ApiContext ctx = ApiContext.of(call);
        ChangefeedKey key = key(call);
        Cluster cluster = ctx.cluster();
        Changefeed cf = ctx.require(key);
        GoStruct req = Bodies.bind(call.body(), MOVE_TABLE_REQ.zero(), false);
        String captureId = req.string("capture_id");
        if (!Ids.valid(captureId)) throw ApiError.of("CDC:ErrAPIInvalidParam", "invalid capture_id: " + captureId);
        long tableId = req.number("table_id");
        cluster.ownerJob(cf, () -> cluster.moveTable(cf, tableId, captureId));
        return ApiResponse.bare(202);
    }
}
