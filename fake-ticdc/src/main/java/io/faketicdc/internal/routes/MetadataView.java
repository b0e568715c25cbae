package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoMarshal;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v2/unsafe/metadata}: the cluster's etcd keys, sorted, with values in the internal
 * kebab-case JSON. The values are the fake's rendering of its own state; keys and shapes follow
 * the real server (pingcap/tiflow cdc/api/v2/unsafe.go); the replica config inside an info value
 * uses the API keys in kebab case.
 */
final class MetadataView {
    private final ApiSchema schema;

    MetadataView(ApiSchema schema) {
        this.schema = schema;
    }

    ApiResponse handle(Call call) {
        Map<String, String> kv = entries(ApiContext.of(call));
        GoJsonWriter w = GoJsonWriter.indented().beginArray();
        kv.forEach((k, v) -> w.beginObject().name("key").value(k).name("value").value(v).endObject());
        return ApiResponse.json(200, w.endArray());
    }

    /**
     * {@code GET /debug/info} of the new architecture (pingcap/ticdc api/v2/info.go): the same
     * keys and values as plain text, each key on a line and its value indented below.
     */
    ApiResponse debugInfo(Call call) {
        StringBuilder b = new StringBuilder("\n\n*** etcd info ***:\n\n");
        entries(ApiContext.of(call)).forEach((k, v) -> b.append(k).append("\n\t").append(v).append("\n\n"));
        return ApiResponse.text(200, ApiResponse.TEXT_UTF8, b.toString());
    }

    /** The etcd keys and values, sorted by key. */
    Map<String, String> entries(ApiContext ctx) {
        Cluster cluster = ctx.cluster();
        Map<String, String> kv = new TreeMap<>();
        String root = "/tidb/cdc/" + cluster.identity().clusterId();
        String meta = root + "/__cdc_meta__";
        for (Capture c : cluster.captures()) {
            kv.put(meta + "/capture/" + c.id(), GoJsonWriter.compact().beginObject()
                    .name("id").value(c.id()).name("address").value(c.address())
                    .name("version").value(cluster.identity().version())
                    .name("git-hash").value(cluster.identity().gitHash())
                    .name("deploy-path").value("/opt/tidb/cdc/bin/cdc")
                    .name("start-timestamp").value(cluster.clock().now().getEpochSecond())
                    .endObject().toString());
        }
        kv.put(meta + "/meta/meta-version", "1");
        if (cluster.owner() != null) {
            kv.put(meta + "/owner/" + Long.toHexString(0x22319a1000000000L + cluster.owner().index()), cluster.owner().id());
        }
        for (Changefeed cf : cluster.changefeeds()) {
            String ns = root + "/" + cf.namespace();
            kv.put(ns + "/changefeed/info/" + cf.id(), info(cf, cluster));
            kv.put(ns + "/changefeed/status/" + cf.id(), GoJsonWriter.compact().beginObject()
                    .name("checkpoint-ts").unsigned(cf.checkpointTs())
                    .name("min-table-barrier-ts").unsigned(cf.checkpointTs())
                    .name("admin-job-type").value(cf.adminJobType())
                    .endObject().toString());
            kv.put(ns + "/upstream/" + Long.toUnsignedString(cf.upstreamId()), GoJsonWriter.compact().beginObject()
                    .name("id").unsigned(cf.upstreamId()).name("pd-endpoints")
                    .value(cf.pdEndpoints() != null ? cf.pdEndpoints() : String.join(",", cluster.config().pdAddrs()))
                    .name("key-path").value("").name("cert-path").value("").name("ca-path").value("")
                    .name("cert-allowed-cn").nullValue().endObject().toString());
        }
        return kv;
    }

    private String info(Changefeed cf, Cluster cluster) {
        String config = GoMarshal.compact(cf.config(), schema.replicaConfig());
        GoJsonWriter w = GoJsonWriter.compact().beginObject()
                .name("upstream-id").unsigned(cf.upstreamId())
                .name("namespace").value(cf.namespace())
                .name("changefeed-id").value(cf.id())
                .name("sink-uri").value(cf.sinkUri())
                .name("create-time").value(cluster.formats().rfc3339Nano(cf.createTime()))
                .name("start-ts").unsigned(cf.startTs())
                .name("target-ts").unsigned(cf.targetTs())
                .name("admin-job-type").value(cf.adminJobType())
                .name("sort-engine").value("unified")
                .name("sort-dir").value("")
                .name("config").rawJson(kebab(config))
                .name("state").value(cf.state().wire())
                .name("error").nullValue()
                .name("warning").nullValue()
                .name("creator-version").value(cf.creatorVersion())
                .name("epoch").unsigned(cf.startTs());
        return w.endObject().toString();
    }

    /** Object keys from snake_case to kebab-case (values untouched). */
    private static String kebab(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        int keyStart = -1;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"' && (i == 0 || json.charAt(i - 1) != '\\')) {
                inString = !inString;
                if (inString) keyStart = out.length();
                else if (i + 1 < json.length() && json.charAt(i + 1) == ':') {
                    String key = out.substring(keyStart + 1).replace('_', '-');
                    out.setLength(keyStart + 1);
                    out.append(key);
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
