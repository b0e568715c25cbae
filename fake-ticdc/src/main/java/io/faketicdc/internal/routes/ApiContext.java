package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;

/** What every handler needs: the cluster and the profile's API types. */
record ApiContext(Cluster cluster, ApiSchema schema) {

    boolean master() {
        return schema.master();
    }

    /** The changefeed, or 400 ErrChangeFeedNotExists. Call under the cluster lock. */
    Changefeed require(ChangefeedKey key) {
        Changefeed cf = cluster.changefeed(key);
        if (cf == null) throw Ids.notExists(key);
        return cf;
    }
}
