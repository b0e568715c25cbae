package io.faketicdc.internal.routes;

import io.faketicdc.SinkCheck;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.config.SinkScheme;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.config.SinkTargets;
import io.faketicdc.internal.http.ApiError;

/**
 * Opening the sink, the last step of the sink validator (pingcap/tiflow
 * cdc/sink/validator/validator.go, which creates a real sink and closes it): a downstream scripted
 * down answers the scheme's real error; otherwise, in {@code dial} mode, whatever the dial found
 * before the lock; in {@code accept} mode every downstream is reachable. On the new architecture
 * the same downstreams answer its errors ({@link SinkTargets#newArchFailure}), and a Pulsar sink is
 * not opened at all.
 */
final class DownstreamCheck {
    private DownstreamCheck() { }

    /**
     * A sink worked out before the cluster's lock: its hosts and the dial error dialing them found
     * (null: reachable, or not dialed in accept mode).
     */
    record Probe(String sinkUri, SinkTargets sink, String dialed) { }

    /** Outside the lock, in {@code dial} mode: the sink's hosts, dialed; null in accept mode. */
    static Probe probe(ApiContext ctx, GoUrl uri, String sinkUri) {
        if (ctx.cluster().config().sinkCheck() != SinkCheck.DIAL) return null;
        SinkTargets sink = SinkTargets.of(uri);
        if (!opens(ctx, sink)) return null;
        return new Probe(sinkUri, sink, SinkDialer.dial(uri, sink));
    }

    /** The same for a URI that may not parse (null then: its own check refuses it). */
    static Probe probe(ApiContext ctx, String sinkUri) {
        try {
            return probe(ctx, GoUrl.parse(sinkUri), sinkUri);
        } catch (GoUrl.UrlException e) {
            return null;
        }
    }

    /**
     * Under the lock: throws the error opening the sink meets now. {@code create}: a create asks
     * (a downstream down for a number of creates counts it). A probe of another URI than the one
     * checked (the changefeed changed since) counts as not dialed.
     */
    static void check(ApiContext ctx, Probe probe, String sinkUri, boolean create) {
        // accept mode with no downstream scripted down: nothing to open
        if (probe == null && !ctx.cluster().anyDownstreamDown()) return;
        Probe p = probe != null && probe.sinkUri().equals(sinkUri) ? probe : undialed(sinkUri);
        if (p == null || !opens(ctx, p.sink())) return;
        String cause = ctx.cluster().downstreams().failureCause(p.sink(), create);
        if (cause == null) cause = p.dialed();
        if (cause == null) return;
        ApiError e = ctx.newKernel() ? p.sink().newArchFailure(cause, sinkUri) : p.sink().failure(cause);
        if (e != null) throw e;
    }

    /**
     * Whether checking the sink opens a connection: on the new architecture a Pulsar client
     * connects lazily (pingcap/ticdc pkg/sink/pulsar/factory.go), so neither a dial nor a scripted
     * downstream (nor its count of creates) is consulted.
     */
    private static boolean opens(ApiContext ctx, SinkTargets sink) {
        return !ctx.newKernel() || sink.kind() != SinkScheme.MQ || SinkScheme.isKafka(sink.scheme());
    }

    private static Probe undialed(String sinkUri) {
        try {
            return new Probe(sinkUri, SinkTargets.of(GoUrl.parse(sinkUri)), null);
        } catch (GoUrl.UrlException e) {
            return null;
        }
    }

    /**
     * Outside the lock, in dial mode: a dial of the sink a resume or update will check, the sent
     * URI or else the changefeed's (read in a short step of its own); null in accept mode.
     */
    static Probe dialEffective(ApiContext ctx, Call call, String sentUri) {
        if (ctx.cluster().config().sinkCheck() != SinkCheck.DIAL) return null;
        String uri = sentUri;
        if (uri == null || uri.isEmpty()) {
            try {
                ChangefeedKey key = ctx.key(call);
                uri = ctx.cluster().atomically(() -> {
                    Changefeed cf = ctx.cluster().changefeed(key);
                    return cf == null ? null : cf.sinkUri();
                });
            } catch (RuntimeException e) {
                return null; // a bad ID: the handler refuses it
            }
        }
        return uri == null ? null : probe(ctx, uri);
    }

    /**
     * check.UpstreamDownstreamNotSame on resume and update (pingcap/tiflow pkg/check/cluster.go;
     * cdc/api/v2/changefeed.go; cdc/api/v1/api.go), in profiles that have it: a MySQL/TiDB sink's
     * connection error, unwrapped. The new architecture's resume has only this check
     * (check.IsSameUpstreamDownstream, pingcap/ticdc api/v2/changefeed.go ResumeChangefeed; no
     * sink.Verify).
     */
    static void checkNotSameCluster(ApiContext ctx, Probe probe, String sinkUri) {
        if (!ctx.traits().sameClusterCheckOnResumeAndUpdate() || probe == null && !ctx.cluster().anyDownstreamDown()) return;
        Probe p = probe != null && probe.sinkUri().equals(sinkUri) ? probe : undialed(sinkUri);
        if (p == null || p.sink().kind() != SinkScheme.MYSQL) return;
        check(ctx, p, sinkUri, false);
    }
}
