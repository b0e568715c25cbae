package io.faketicdc.internal.cluster;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import io.faketicdc.internal.clock.Tso;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.ReplicaConfigs;
import io.faketicdc.internal.json.GoStruct;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Engine objects for the cluster unit tests, built without any HTTP server. */
final class Fixtures {
    static final Instant START = Instant.parse("2026-08-20T08:17:08.123Z");
    static final long START_TSO = Tso.of(START);
    static final String ADDR = "127.0.0.1:8300";

    private Fixtures() { }

    /** A cluster on a manual clock at {@link #START} with {@code captures} captures on ports 8300, 8301, ... */
    static Cluster cluster(int captures) {
        return new Cluster(FakeConfig.builder().startInstant(START).zone(ZoneOffset.UTC).build(), addresses(captures));
    }

    static List<String> addresses(int captures) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < captures; i++) out.add("127.0.0.1:" + (8300 + i));
        return out;
    }

    /** The internal replica config a default create produces (filter {@code *.*}, stuck duration 30 min). */
    static GoStruct defaultConfig() {
        ApiSchema schema = ApiSchema.of(Profile.MASTER);
        return ReplicaConfigs.toInternal(schema.defaultReplicaConfig(), schema);
    }

    /** A normal changefeed starting at {@code startTs}, not yet adopted by any cluster. */
    static Changefeed changefeed(String id, Instant created, long startTs, long targetTs) {
        return new Changefeed(new ChangefeedKey(ChangefeedKey.DEFAULT_NAMESPACE, id), 7L, created, "v8.5.0",
                "blackhole://", startTs, targetTs, defaultConfig());
    }

    /** A normal changefeed starting at the cluster's current TSO, adopted by the owner (tables placed). */
    static Changefeed create(Cluster cluster, String id) {
        Changefeed cf = changefeed(id, cluster.clock().now(), cluster.currentTso(), 0);
        cluster.add(cf);
        return cf;
    }
}
