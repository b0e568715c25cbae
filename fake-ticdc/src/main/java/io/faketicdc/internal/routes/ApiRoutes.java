package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.Router;

/** Builds the router of one fake: every route the real server has for the fake's profile. */
public final class ApiRoutes {
    private ApiRoutes() { }

    public static Router build(Cluster cluster) {
        ApiContext ctx = new ApiContext(cluster, ApiSchema.of(cluster.profile()));
        Router router = new Router();
        new ChangefeedReadRoutes(ctx).register(router);
        new ChangefeedWriteRoutes(ctx).register(router);
        return router;
    }
}
