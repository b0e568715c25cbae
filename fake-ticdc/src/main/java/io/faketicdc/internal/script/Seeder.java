package io.faketicdc.internal.script;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.internal.cluster.BatchItemException;
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
        seedAll(cluster, java.util.List.of(s));
    }

    /**
     * Seeds a batch all or nothing, as one atomic step: every seed's key (free, within the batch
     * too), replica config and sink URI are checked before the first changefeed is added. A refused
     * seed is a {@link BatchItemException} and nothing has changed.
     */
    public static void seedAll(Cluster cluster, java.util.List<ChangefeedSeed> seeds) {
        cluster.afterTick(() -> {
            java.util.List<GoStruct> configs = checked(cluster, seeds);
            for (int i = 0; i < seeds.size(); i++) {
                ChangefeedSeed s = seeds.get(i);
                long start = s.startTs() != 0 ? s.startTs() : cluster.currentTso();
                Changefeed cf = new Changefeed(key(s), cluster.identity().upstreamId(), cluster.clock().now(),
                        cluster.identity().version(), sinkUri(s), start, s.targetTs(), configs.get(i));
                long checkpoint = s.checkpointTs() != 0 ? s.checkpointTs() : start;
                cf.checkpoint(checkpoint, checkpoint);
                cluster.add(cf);
                FeedState state = s.state() == null ? FeedState.NORMAL : FeedState.valueOf(s.state().name());
                // a new changefeed is normal with no error and its tables placed (Cluster.add): only another state is forced
                if (state != FeedState.NORMAL || s.errorCode() != null) {
                    cluster.control(cf).force(state, s.errorCode(), s.errorMessage() == null ? "" : s.errorMessage(), null);
                }
            }
        });
    }

    /** Checks a batch as {@link #seedAll} would, changing nothing. */
    public static void checkAll(Cluster cluster, java.util.List<ChangefeedSeed> seeds) {
        cluster.afterTick(() -> checked(cluster, seeds));
    }

    /** The seeds' configs, each checked (key free, config and sink URI valid); the first refused one throws. */
    private static java.util.List<GoStruct> checked(Cluster cluster, java.util.List<ChangefeedSeed> seeds) {
        ApiSchema schema = ApiSchema.of(cluster.profile());
        java.util.List<GoStruct> configs = new java.util.ArrayList<>();
        java.util.Set<ChangefeedKey> keys = new java.util.HashSet<>();
        for (int i = 0; i < seeds.size(); i++) {
            ChangefeedSeed s = seeds.get(i);
            ChangefeedKey key = key(s);
            if (cluster.changefeed(key) != null || !keys.add(key)) {
                throw new BatchItemException(i, "changefeed " + key + " already exists");
            }
            try {
                configs.add(plain(s) ? plainConfig(schema) : checkedConfig(schema, s.replicaConfig(), sinkUri(s)));
            } catch (GoUrl.UrlException e) {
                throw new BatchItemException(i, "bad sink URI for " + key + ": " + e.getMessage());
            } catch (ApiError e) {
                throw new BatchItemException(i, "bad config for " + key + ": " + e.errorMsg());
            } catch (IllegalArgumentException e) {
                throw new BatchItemException(i, e.getMessage());
            }
        }
        return configs;
    }

    private static final String DEFAULT_SINK = "blackhole://";

    /**
     * The checked config of a seed that names neither a replica config nor a sink URI, per profile:
     * the same every time, so it is built and checked once, frozen, and shared by every such seed
     * (a fake is seeded in every test; the check walks the whole config, and so would a copy). A
     * stored config is frozen anyway ({@code Changefeed}): a change replaces it with a changed copy.
     */
    private static final java.util.Map<ApiSchema, GoStruct> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean plain(ChangefeedSeed s) {
        return (s.replicaConfig() == null || s.replicaConfig().isBlank()) && s.sinkUri() == null;
    }

    private static GoStruct plainConfig(ApiSchema schema) {
        return PLAIN.computeIfAbsent(schema, x -> {
            try {
                return checkedConfig(x, null, DEFAULT_SINK).freeze();
            } catch (GoUrl.UrlException e) {
                throw new IllegalStateException(e); // blackhole:// always parses
            }
        });
    }

    /** A seed's replica config over the profile's defaults, in its internal form, checked as create checks it. */
    private static GoStruct checkedConfig(ApiSchema schema, String json, String sinkUri) throws GoUrl.UrlException {
        GoStruct config = config(schema, json);
        ConfigValidator.validateAndAdjust(config, GoUrl.parse(sinkUri), schema);
        ConfigValidator.filter(config, schema);
        return config;
    }

    private static ChangefeedKey key(ChangefeedSeed s) {
        return new ChangefeedKey(s.namespace() == null ? ChangefeedKey.DEFAULT_NAMESPACE : s.namespace(), s.id());
    }

    private static String sinkUri(ChangefeedSeed s) {
        return s.sinkUri() == null ? DEFAULT_SINK : s.sinkUri();
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
