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

    /** The server has the new architecture's routes and handlers (pingcap/ticdc api/v2). */
    boolean newKernel() {
        return traits().routeSet() == io.faketicdc.internal.config.ProfileTraits.RouteSet.TICDC;
    }

    /** The changefeed a request names (path parameter, and namespace where the profile has one). */
    ChangefeedKey key(io.faketicdc.internal.http.Call call) {
        return new ChangefeedKey(namespace(call), Ids.changefeedId(call, newKernel()));
    }

    /** The scope a request names ({@code namespace} query parameter, or always default with keyspaces). */
    String namespace(io.faketicdc.internal.http.Call call) {
        if (nextGen()) {
            // the next-gen build reads ?keyspace= (its checker has required it on the v2 routes)
            String ks = call.query("keyspace");
            return ks.isEmpty() ? ChangefeedKey.DEFAULT_NAMESPACE : ks;
        }
        return Ids.namespace(call, traits().keyspaces());
    }

    /** The next-gen build of the new architecture: keyspaces configured, required and checked. */
    boolean nextGen() {
        return !cluster.config().keyspaces().isEmpty();
    }

    /** The changefeed, or 400 ErrChangeFeedNotExists. Call within the request's atomic step. */
    Changefeed require(ChangefeedKey key) {
        Changefeed cf = cluster.changefeed(key);
        if (cf == null) throw Ids.notExists(key);
        return cf;
    }
}
