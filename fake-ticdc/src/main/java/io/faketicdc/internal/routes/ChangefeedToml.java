package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.RunningError;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.SinkUris;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.GoToml;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The new architecture's changefeed detail as TOML, for {@code Accept: application/toml}
 * (pingcap/ticdc api/v2/helper.go wantsTOML, respondWithFormat; the toml tags of
 * api/v2/model.go ChangeFeedInfo): the same fields as the JSON but {@code gid}, in the
 * encoder's order (plain values, then {@code [config]} and {@code [error]}).
 */
final class ChangefeedToml {
    static final String CONTENT_TYPE = "application/toml; charset=utf-8";

    private ChangefeedToml() { }

    /** wantsTOML: the Accept header mentions application/toml, in any case. */
    static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("application/toml");
    }

    static ApiResponse render(Changefeed cf, Cluster cluster, ApiSchema schema, GoStruct config, boolean showError) {
        GoToml t = new GoToml();
        // encoding/toml's omitempty never drops a number: the zero IDs and timestamps are written
        t.unsigned("upstream-id", cf.upstreamId()).string("id", cf.id()).string("keyspace", cf.namespace());
        String uri = cf.maskedSinkUri(SinkUris::mask);
        if (!uri.isEmpty()) t.string("sink-uri", uri);
        t.raw("create-time", cf.createTime(cluster.formats()::rfc3339Nano));
        t.unsigned("start-ts", cf.startTs()).unsigned("target-ts", cf.targetTs()).integer("admin-job-type", cf.adminJobType());
        if (!cf.state().wire().isEmpty()) t.string("state", cf.state().wire());
        if (!cf.creatorVersion().isEmpty()) t.string("creator-version", cf.creatorVersion());
        t.unsigned("resolved-ts", cf.checkpointTs()).unsigned("checkpoint-ts", cf.checkpointTs())
                .string("checkpoint-time", cluster.formats().tsoTime(cf.checkpointTs()));
        Capture maintainer = ChangefeedViews.maintainer(cf, cluster, true);
        if (maintainer != null) t.string("maintainer-addr", maintainer.address());
        t.table("config", config, schema.replicaConfig());
        if (showError && cf.error() != null) {
            // config.RunningError has no toml tags: the Go field names, and the zero time the handler leaves
            RunningError e = cf.error();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Time", ChangefeedViews.ZERO_TIME);
            fields.put("Addr", GoToml.quote(e.addr()));
            fields.put("Code", GoToml.quote(e.code()));
            fields.put("Message", GoToml.quote(e.message()));
            t.table("error", fields);
        }
        return new ApiResponse(200, CONTENT_TYPE, Map.of(), t.toString().getBytes(StandardCharsets.UTF_8));
    }
}
