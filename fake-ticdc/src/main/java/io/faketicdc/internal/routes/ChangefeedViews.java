package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.FeedState;
import io.faketicdc.internal.cluster.RunningError;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.SinkUris;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoMarshal;
import io.faketicdc.internal.json.GoStruct;

/**
 * The JSON shapes of the changefeed routes (pingcap/tiflow cdc/api/v2/model.go; with the
 * new architecture's traits pingcap/ticdc api/v2/model.go), key order and omitempty as the real structs.
 */
final class ChangefeedViews {
    private ChangefeedViews() { }

    /** What to put into a ChangeFeedInfo besides the changefeed itself. */
    record InfoOptions(boolean maskSinkUri, GoStruct config, boolean taskStatus, boolean showError) { }

    /** ChangeFeedInfo (pingcap/tiflow cdc/api/v2/model.go). */
    static void info(GoJsonWriter w, Changefeed cf, Cluster cluster, ApiSchema schema, InfoOptions o) {
        info(w, cf, cluster, schema, o, null);
    }

    /** With {@code configJson}, the config is that compact JSON, already rendered. */
    static void info(GoJsonWriter w, Changefeed cf, Cluster cluster, ApiSchema schema, InfoOptions o, byte[] configJson) {
        boolean newKernel = schema.traits().maintainerChangefeedInfo();
        w.beginObject();
        if (cf.upstreamId() != 0) w.name("upstream_id").unsigned(cf.upstreamId());
        idAndScope(w, cf, schema);
        String uri = o.maskSinkUri() ? cf.maskedSinkUri(SinkUris::mask) : cf.sinkUri();
        if (!uri.isEmpty()) w.name("sink_uri").value(uri);
        w.name("create_time").value(cf.createTime(cluster.formats()::rfc3339Nano));
        if (cf.startTs() != 0) w.name("start_ts").unsigned(cf.startTs());
        if (cf.targetTs() != 0) w.name("target_ts").unsigned(cf.targetTs());
        if (cf.adminJobType() != 0) w.name("admin_job_type").value(cf.adminJobType());
        if (configJson != null) {
            w.name("config").rawJson(configJson);
        } else if (o.config() != null) {
            w.name("config");
            GoMarshal.write(w, o.config(), schema.replicaConfig());
        }
        if (!cf.state().wire().isEmpty()) w.name("state").value(cf.state().wire());
        if (o.showError() && cf.error() != null) {
            w.name("error");
            if (newKernel) {
                // CfInfoToAPIModel copies addr, code and message into a config.RunningError whose
                // time (no omitempty) stays zero (pingcap/ticdc api/v2/changefeed.go; pkg/config/changefeed.go)
                RunningError e = cf.error();
                w.beginObject().name("time").value(ZERO_TIME).name("addr").value(e.addr())
                        .name("code").value(e.code()).name("message").value(e.message()).endObject();
            } else {
                error(w, cf.error(), null);
            }
        }
        if (!cf.creatorVersion().isEmpty()) w.name("creator_version").value(cf.creatorVersion());
        // the new architecture fills resolved_ts with the checkpoint (pingcap/ticdc api/v2/changefeed.go CfInfoToAPIModel)
        w.name("resolved_ts").unsigned(newKernel ? cf.checkpointTs() : cf.resolvedTs());
        w.name("checkpoint_ts").unsigned(cf.checkpointTs());
        w.name("checkpoint_time").value(cluster.formats().tsoTime(cf.checkpointTs()));
        if (newKernel) {
            long[] gid = gid(cf);
            w.name("gid").beginObject().name("low").unsigned(gid[0]).name("high").unsigned(gid[1]).endObject();
            // a create answers with a fresh status (no maintainer yet); a running changefeed's
            // maintainer is on the coordinator in the fake
            Capture maintainer = maintainer(cf, cluster, o.taskStatus());
            if (maintainer != null) w.name("maintainer_addr").value(maintainer.address());
        } else if (o.taskStatus() && cf.state() == FeedState.NORMAL) {
            taskStatus(w, cf, cluster);
        }
        w.endObject();
    }

    /** Go's zero time.Time as encoding/json writes it. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    /**
     * The node of a running changefeed's maintainer (the coordinator in the fake); null for a
     * create's answer (a fresh status) and for a changefeed that does not run.
     */
    static Capture maintainer(Changefeed cf, Cluster cluster, boolean read) {
        return read && cf.state().running() ? cluster.owner() : null;
    }

    /**
     * The changefeed's GID (pingcap/ticdc pkg/common/types.go): random in the real server, here
     * derived from the changefeed's key and creation instant, so it is the same on every read
     * and in every run with the same seed.
     */
    static long[] gid(Changefeed cf) {
        long h = cf.namespace().hashCode() * 31L + cf.id().hashCode();
        h = h * 1_000_003L + cf.createTime().getEpochSecond() * 1_000_000_000L + cf.createTime().getNano();
        long low = mix(h);
        return new long[] {low, mix(low ^ 0x9e3779b97f4a7c15L)};
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** One entry per capture, with the IDs of this changefeed's tables on it (omitted when none). */
    static void taskStatus(GoJsonWriter w, Changefeed cf, Cluster cluster) {
        cluster.reschedule(cf);
        w.name("task_status").beginArray();
        for (Capture c : cluster.captures()) {
            w.beginObject().name("capture_id").value(c.id());
            java.util.List<Long> tables = ProcessorRoutes.tablesOf(cf, c);
            if (!tables.isEmpty()) {
                w.name("table_ids").beginArray();
                for (long id : tables) w.value(id);
                w.endArray();
            }
            w.endObject();
        }
        w.endArray();
    }

    /** Whether GET shows the recorded error ({@link io.faketicdc.internal.config.ProfileTraits#errorVisibility}). */
    static boolean getShowsError(Changefeed cf, ApiSchema schema) {
        FeedState s = cf.state();
        return switch (schema.traits().errorVisibility()) {
            case ALL_BUT_NORMAL -> s != FeedState.NORMAL;
            case BY_STATE -> s == FeedState.FAILED || s == FeedState.WARNING || s == FeedState.PENDING;
            case LIST_ALWAYS -> !(s == FeedState.NORMAL || s == FeedState.STOPPED || s == FeedState.FINISHED
                    || s == FeedState.REMOVED);
        };
    }

    /** tiflow: namespace, then id; the new architecture: id, then keyspace (pingcap/ticdc api/v2/model.go). */
    private static void idAndScope(GoJsonWriter w, Changefeed cf, ApiSchema schema) {
        if (schema.traits().keyspaces()) {
            w.name("id").value(cf.id());
            w.name("keyspace").value(cf.namespace());
        } else {
            w.name("namespace").value(cf.namespace());
            w.name("id").value(cf.id());
        }
    }

    /** ChangefeedCommonInfo (pingcap/tiflow cdc/api/v2/model.go; pingcap/ticdc api/v2/model.go), one list item. */
    static void listItem(GoJsonWriter w, Changefeed cf, Cluster cluster, ApiSchema schema) {
        w.beginObject();
        w.name("upstream_id").unsigned(cf.upstreamId());
        idAndScope(w, cf, schema);
        w.name("state").value(cf.state().listed());
        w.name("checkpoint_tso").unsigned(cf.checkpointTs());
        w.name("checkpoint_time").value(cluster.formats().tsoTime(cf.checkpointTs()));
        w.name("error");
        RunningError shown = listedError(cf, schema);
        if (shown == null) w.nullValue(); else error(w, shown, cluster);
        w.endObject();
    }

    private static RunningError listedError(Changefeed cf, ApiSchema schema) {
        FeedState s = cf.state();
        if (schema.traits().errorVisibility() == io.faketicdc.internal.config.ProfileTraits.ErrorVisibility.LIST_ALWAYS) {
            return cf.error() != null ? cf.error() : cf.warning();
        }
        if (schema.traits().errorVisibility() == io.faketicdc.internal.config.ProfileTraits.ErrorVisibility.BY_STATE) {
            if (s == FeedState.NORMAL || s == FeedState.STOPPED || s == FeedState.FINISHED
                    || s == FeedState.REMOVED || s == FeedState.UNINITIALIZED) {
                return null;
            }
            return cf.error() != null ? cf.error() : cf.warning();
        }
        return s == FeedState.NORMAL ? null : cf.error();
    }

    /** RunningError; with {@code cluster} the {@code time} is written (list, status), else omitted. */
    static void error(GoJsonWriter w, RunningError e, Cluster cluster) {
        w.beginObject();
        if (cluster != null && e.time() != null) w.name("time").value(cluster.formats().rfc3339Nano(e.time()));
        w.name("addr").value(e.addr());
        w.name("code").value(e.code());
        w.name("message").value(e.message());
        w.endObject();
    }
}
