package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.Router;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

/** Builds the router of one fake: every route the real server has for the fake's profile. */
public final class ApiRoutes {
    private ApiRoutes() { }

    public static Router build(Cluster cluster) {
        ApiContext ctx = new ApiContext(cluster, ApiSchema.of(cluster.profile()));
        Router router = new Router();
        ChangefeedReadRoutes read = new ChangefeedReadRoutes(ctx);
        read.register(router);
        ChangefeedWriteRoutes write = new ChangefeedWriteRoutes(ctx);
        write.register(router);
        ClusterRoutes clusterRoutes = new ClusterRoutes(ctx);
        clusterRoutes.register(router);
        ProcessorRoutes processors = new ProcessorRoutes(ctx);
        processors.register(router);
        new UpstreamRoutes(ctx).register(router);
        // the route set is the profile's (ProfileTraits.routeSet): the new architecture's own
        // routes, and its /api/v1 as a layer over the v2 handlers
        if (ctx.newKernel()) {
            MaintainerRoutes maintainer = new MaintainerRoutes(ctx);
            maintainer.register(router);
            new V1OverV2Routes(ctx, read, write, clusterRoutes, processors, maintainer).register(router);
        } else {
            new V1Routes(ctx, clusterRoutes).register(router);
        }
        new RootRoutes(ctx, clusterRoutes).register(router);
        return router;
    }

    /** One endpoint per capture slot, sharing one router and forwarding to each other. */
    public static List<CaptureEndpoint> endpoints(Cluster cluster, IntUnaryOperator ports) {
        return endpoints(cluster, ports, CaptureEndpoint.ForwardFaults.NONE);
    }

    /**
     * The same, with owner hops that fault injection may break. The list grows when a capture is
     * added ({@link CaptureEndpoint#addPeer()}).
     */
    public static List<CaptureEndpoint> endpoints(Cluster cluster, IntUnaryOperator ports,
            CaptureEndpoint.ForwardFaults forwardFaults) {
        Router router = build(cluster);
        List<CaptureEndpoint> endpoints = new CopyOnWriteArrayList<>();
        for (int slot = 0; slot < cluster.membership().slots(); slot++) {
            endpoints.add(new CaptureEndpoint(cluster, router, slot, ports, endpoints, forwardFaults));
        }
        return java.util.Collections.unmodifiableList(endpoints);
    }
}
