package io.faketicdc.internal.script;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.FeedState;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.ConfigValidator;
import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.config.ReplicaConfigs;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.json.GoBinder;
import io.faketicdc.internal.json.GoJsonReader;
import io.faketicdc.internal.json.GoJsonSyntaxException;
import io.faketicdc.internal.json.GoStruct;
import java.nio.charset.StandardCharsets;

/** Puts a {@link ChangefeedSeed} into the cluster, with its config built and checked as create does. */
public final class Seeder {
    private Seeder() { }

    public static void seed(Cluster cluster, ChangefeedSeed s) {
        ApiSchema schema = ApiSchema.of(cluster.profile());
        String ns = s.namespace() == null ? ChangefeedKey.DEFAULT_NAMESPACE : s.namespace();
        String sinkUri = s.sinkUri() == null ? "blackhole://" : s.sinkUri();
        cluster.afterTick(() -> {
            ChangefeedKey key = new ChangefeedKey(ns, s.id());
            if (cluster.changefeed(key) != null) throw new IllegalArgumentException("changefeed " + key + " already exists");
            GoStruct config = config(schema, s.replicaConfig());
            try {
                GoUrl uri = GoUrl.parse(sinkUri);
                ConfigValidator.validateAndAdjust(config, uri, schema);
                ConfigValidator.filter(config, schema);
            } catch (GoUrl.UrlException e) {
                throw new IllegalArgumentException("bad sink URI for " + key + ": " + e.getMessage(), e);
            } catch (ApiError e) {
                throw new IllegalArgumentException("bad config for " + key + ": " + e.errorMsg(), e);
            }
            long start = s.startTs() != 0 ? s.startTs() : cluster.currentTso();
            Changefeed cf = new Changefeed(key, cluster.identity().upstreamId(), cluster.clock().now(),
                    cluster.identity().version(), sinkUri, start, s.targetTs(), config);
            long checkpoint = s.checkpointTs() != 0 ? s.checkpointTs() : start;
            cf.checkpoint(checkpoint, checkpoint);
            cluster.add(cf);
            FeedState state = s.state() == null ? FeedState.NORMAL : FeedState.valueOf(s.state().name());
            cluster.control(cf).force(state, s.errorCode(), s.errorMessage() == null ? "" : s.errorMessage(), null);
        });
    }

    private static GoStruct config(ApiSchema schema, String json) {
        GoStruct api = schema.defaultReplicaConfig();
        if (json != null && !json.isBlank()) {
            try {
                api = (GoStruct) GoBinder.decode(GoJsonReader.read(json.getBytes(StandardCharsets.UTF_8)),
                        schema.replicaConfig(), api);
            } catch (GoJsonSyntaxException e) {
                throw new IllegalArgumentException("bad replica config: " + e.getMessage(), e);
            }
        }
        return ReplicaConfigs.toInternal(api, schema);
    }
}
