package io.faketicdc.samples;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Restarts every capture of a cluster the way TiUP's upgrade does it (pingcap/tiup
 * pkg/cluster/operation/upgrade.go with pkg/cluster/api/cdcapi.go): every capture that is not the
 * owner first, one at a time, the owner last; each restart is a {@link RollingRestart} (resign if
 * owner, drain over {@code /api/v1}, restart, wait until alive and healthy).
 */
public final class ClusterUpgrade {
    private final TiCdcHttp http;
    private final RollingRestart rollingRestart;

    public ClusterUpgrade(ClientSettings client, RestartSettings settings) {
        this.http = new TiCdcHttp(client);
        this.rollingRestart = new RollingRestart(client, settings);
    }

    /** Restarts every capture the cluster reached at {@code address} lists; returns one report per capture, in order. */
    public List<RestartReport> upgrade(String address, RollingRestart.ProcessControl process) {
        List<Capture> captures = captures(URI.create("http://" + address));
        List<Capture> order = new ArrayList<>(captures);
        order.sort(Comparator.comparing(Capture::owner)); // non-owners first (false < true), the owner last
        List<RestartReport> reports = new ArrayList<>();
        for (Capture c : order) reports.add(rollingRestart.restart(c.address(), process));
        return reports;
    }

    private List<Capture> captures(URI base) {
        ApiResponse r = http.send(base, "GET", "/api/v1/captures", null);
        if (!r.isSuccess()) throw new TiCdcApiException("list captures", r);
        return Capture.listFrom(r.json());
    }
}
