package io.faketicdc.internal.routes;

import io.faketicdc.internal.clock.Tso;
import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.json.GoJsonWriter;
import io.faketicdc.internal.json.GoStruct;
import java.time.Instant;

/**
 * {@code GET .../synced} (pingcap/tiflow cdc/api/v2/changefeed.go). The fake's upstream writes
 * nothing after the start,
 * so the last synced row is at {@code start_ts}; the puller is resolved up to the checkpoint.
 */
final class SyncedStatus {
    static final String ADVISORY = "Please check whether PD is online and TiKV Regions are all available. "
            + "If PD is offline or some TiKV regions are not available, it means that the data syncing process is complete. "
            + "To check whether TiKV regions are all available, you can view "
            + "'TiKV-Details' > 'Resolved-Ts' > 'Max Leader Resolved TS gap' on Grafana. "
            + "If the gap is large, such as a few minutes, it means that some regions in TiKV are unavailable. "
            + "Otherwise, if the gap is small and PD is online, it means the data syncing is incomplete, so please wait";
    static final String NOT_FINISHED = "The data syncing is not finished, please wait";

    private SyncedStatus() { }

    static ApiResponse render(Changefeed cf, Cluster cluster, GoStruct replicaConfig) {
        return render(cf, cluster, replicaConfig, false);
    }

    /**
     * @param pdUnreachable the body's {@code pd_addrs} reach no PD: not synced, {@code now_ts} the
     *                      epoch, and the PD client's error leads the info
     */
    static ApiResponse render(Changefeed cf, Cluster cluster, GoStruct replicaConfig, boolean pdUnreachable) {
        GoStruct synced = replicaConfig.struct("synced_status");
        long checkInterval = synced == null ? 300 : synced.number("synced_check_interval");
        long checkpointInterval = synced == null ? 15 : synced.number("checkpoint_interval");
        long checkpoint = Tso.physical(cf.checkpointTs());
        long puller = Math.max(Tso.physical(cf.resolvedTs()), checkpoint);
        long lastSynced = Tso.physical(cf.startTs());
        long now = pdUnreachable ? 0 : Tso.physical(cluster.currentTso());
        boolean quiet = now - lastSynced > checkInterval * 1000;
        boolean caughtUp = now - checkpoint < checkpointInterval * 1000;
        String info;
        if (pdUnreachable) {
            info = UpstreamPd.PD_CLIENT_ERROR + (puller - checkpoint > checkpointInterval * 1000
                    ? ". Besides the data is not finish syncing"
                    : ". You should check the pd status first. If pd status is normal, means we don't finish sync data. "
                    + "If pd is offline, please check whether we satisfy the condition that the time difference from "
                    + "lastSyncedTs to the current time from the time zone of pd is greater than " + checkInterval
                    + " secs. If it's satisfied, means the data syncing is totally finished");
        } else if (quiet && caughtUp) {
            info = "Data syncing is finished";
        } else if (quiet) {
            info = puller - checkpoint < checkpointInterval * 1000 ? ADVISORY : NOT_FINISHED;
        } else {
            info = NOT_FINISHED;
        }
        GoJsonWriter w = GoJsonWriter.compact().beginObject()
                .name("synced").value(!pdUnreachable && quiet && caughtUp)
                .name("sink_checkpoint_ts").value(cluster.formats().millis(Instant.ofEpochMilli(checkpoint)))
                .name("puller_resolved_ts").value(cluster.formats().millis(Instant.ofEpochMilli(puller)))
                .name("last_synced_ts").value(cluster.formats().millis(Instant.ofEpochMilli(lastSynced)))
                .name("now_ts").value(cluster.formats().millis(Instant.ofEpochSecond(now / 1000)))
                .name("info").value(info)
                .endObject();
        return ApiResponse.json(200, w);
    }
}
