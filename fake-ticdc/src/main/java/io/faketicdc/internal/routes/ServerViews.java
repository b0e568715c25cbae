package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.json.GoJsonWriter;

/** ServerStatus and Capture (pingcap/tiflow cdc/model/http_model.go; cdc/api/v2/model.go). */
final class ServerViews {
    private ServerViews() { }

    /** @param newKernel liveness as the new architecture keeps it (0 alive, 1 draining, 2 stopping) */
    static void status(GoJsonWriter w, Capture c, Cluster cluster, boolean newKernel) {
        w.beginObject()
                .name("version").value(cluster.identity().version())
                .name("git_hash").value(cluster.identity().gitHash())
                .name("id").value(c.id())
                .name("cluster_id").value(cluster.identity().clusterId())
                .name("pid").value(cluster.identity().pid())
                .name("is_owner").value(cluster.membership().isOwner(c))
                .name("liveness").value(newKernel ? c.ticdcLiveness() : c.liveness())
                .endObject();
    }

    static void capture(GoJsonWriter w, Capture c, Cluster cluster) {
        w.beginObject()
                .name("id").value(c.id())
                .name("is_owner").value(cluster.membership().isOwner(c))
                .name("address").value(c.address())
                .name("cluster_id").value(cluster.identity().clusterId())
                .endObject();
    }
}
