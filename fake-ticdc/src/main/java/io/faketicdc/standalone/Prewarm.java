package io.faketicdc.standalone;

import io.faketicdc.FakeConfig;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.routes.ApiRoutes;
import io.faketicdc.internal.server.CaptureServers;
import java.util.List;

/**
 * The jar's first second is class loading. While the main thread parses the arguments, one daemon
 * thread starts the shared HTTP server and another loads the engine (a throwaway cluster and its
 * routes), so the three overlap on a machine with more than one core.
 */
final class Prewarm {
    private Prewarm() { }

    static void start() {
        CaptureServers.prewarm();
        Thread engine = new Thread(Prewarm::engine, "fake-ticdc-prewarm-engine");
        engine.setDaemon(true);
        engine.start();
    }

    private static void engine() {
        try {
            Cluster cluster = new Cluster(FakeConfig.builder().build(), List.of("127.0.0.1:8300"));
            ApiRoutes.of(cluster.profile()); // built once per profile: the default's is then ready for the real start
        } catch (RuntimeException e) {
            // only a warm-up: the real start reports any problem
        }
    }
}
