package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.ProfileTraits;

/**
 * What every handler needs: the cluster and the profile's API types and traits. One per fake; a
 * call carries it ({@link #of}), since the routes and their handlers are shared by every fake of a
 * profile ({@link ApiRoutes}).
 */
record ApiContext(Cluster cluster, ApiSchema schema) {

    /** The fake a call is served in. */
    static ApiContext of(io.faketicdc.internal.http.Call call) {
        return (ApiContext) call.scope();
    }

    /** A profile with the new architecture's routes and handlers (pingcap/ticdc api/v2). */
    static boolean newKernel(ApiSchema schema) {
        return schema.traits().routeSet() == io.faketicdc.internal.config.ProfileTraits.RouteSet.TICDC;
    }

    ProfileTraits traits() {
        return schema.traits();
    }

    /** The server has the new architecture's routes and handlers (pingcap/ticdc api/v2). */
    boolean newKernel() {
        return newKernel(schema);
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
