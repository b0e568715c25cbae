package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.http.Router;
import io.faketicdc.Profile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

/**
 * The router of a profile: every route the real server has for it. It is built once per profile
 * and shared by every fake of it: the handlers keep no state of their own, and each call carries
 * its fake ({@link ApiContext#of}), which {@link CaptureEndpoint} gives the router.
 */
public final class ApiRoutes {
    private ApiRoutes() { }

    private static final Map<ApiSchema, Router> ROUTERS = new ConcurrentHashMap<>();

    /** The router of {@code profile}, built on first use. */
    public static Router of(Profile profile) {
        return ROUTERS.computeIfAbsent(ApiSchema.of(profile), ApiRoutes::build);
    }

    private static Router build(ApiSchema schema) {
        Router router = new Router();
        ChangefeedReadRoutes read = new ChangefeedReadRoutes(schema);
        read.register(router);
        ChangefeedWriteRoutes write = new ChangefeedWriteRoutes(schema);
        write.register(router);
        ClusterRoutes clusterRoutes = new ClusterRoutes(schema);
        clusterRoutes.register(router);
        ProcessorRoutes processors = new ProcessorRoutes(schema);
        processors.register(router);
        new UpstreamRoutes(schema).register(router);
        // the route set is the profile's (ProfileTraits.routeSet): the new architecture's own
        // routes, and its /api/v1 as a layer over the v2 handlers
        if (ApiContext.newKernel(schema)) {
            MaintainerRoutes maintainer = new MaintainerRoutes(schema);
            maintainer.register(router);
            new V1OverV2Routes(schema, read, write, clusterRoutes, processors, maintainer).register(router);
        } else {
            new V1Routes(schema, clusterRoutes).register(router);
        }
        new RootRoutes(schema, clusterRoutes).register(router);
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
        Router router = of(cluster.profile());
        List<CaptureEndpoint> endpoints = new CopyOnWriteArrayList<>();
        for (int slot = 0; slot < cluster.membership().slots(); slot++) {
            endpoints.add(new CaptureEndpoint(cluster, router, slot, ports, endpoints, forwardFaults));
        }
        return java.util.Collections.unmodifiableList(endpoints);
    }
}
