package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.ProfileTraits;

/** What every handler needs: the cluster and the profile's API types and traits. */
record ApiContext(Cluster cluster, ApiSchema schema) {

    ProfileTraits traits() {
        return schema.traits();
    }

    /** The changefeed, or 400 ErrChangeFeedNotExists. Call within the request's atomic step. */
    Changefeed require(ChangefeedKey key) {
        Changefeed cf = cluster.changefeed(key);
        if (cf == null) throw Ids.notExists(key);
        return cf;
    }
}
