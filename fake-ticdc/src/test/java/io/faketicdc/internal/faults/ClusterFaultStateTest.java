package io.faketicdc.internal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.faketicdc.FakeConfig;
import io.faketicdc.faults.ClusterFault;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Exchange;
import io.faketicdc.internal.http.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Cluster faults and the cluster's lock: one lock order, the cluster's first. */
class ClusterFaultStateTest {

    @Test
    void aFaultAddedWhileARequestForwardsUnderTheClusterLockDoesNotDeadlock() {
        Cluster cluster = new Cluster(FakeConfig.builder().captures(2).build(), List.of("127.0.0.1:1", "127.0.0.1:2"));
        ClusterFaultState faults = new ClusterFaultState(slot -> { }, slot -> { });
        faults.bind(cluster);
        AtomicBoolean answered = new AtomicBoolean();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> cluster.atomically(() -> {
            // a request is being handled: it holds the cluster's lock; meanwhile a test adds a fault
            Thread adder = new Thread(() -> faults.add("sticky", new ClusterFault.StickyOwner()), "adder");
            adder.start();
            while (adder.getState() != Thread.State.BLOCKED && adder.getState() != Thread.State.WAITING
                    && adder.isAlive()) {
                Thread.onSpinWait();
            }
            // the request forwards to the owner and asks whether the hop is broken
            ApiRequest request = new ApiRequest("GET", "/api/v2/changefeeds", null, Map.of(), new byte[0], 0, 1);
            Exchange x = new Exchange(request, new Router.Match(null, ApiResponse.bare(404)), Instant.EPOCH, () -> 0L);
            answered.set(!faults.broken(x, cluster.owner(), "http://127.0.0.1:1/api/v2/changefeeds"));
        }));
        assertThat(answered).isTrue();
        assertThat(faults.ids()).containsExactly("sticky");
    }

    @Test
    void aClientRequestChecksForFaultsWithoutTheFaultStatesMonitorWhenNoneIsInForce() throws Exception {
        Cluster cluster = new Cluster(FakeConfig.builder().captures(2).build(), List.of("127.0.0.1:1", "127.0.0.1:2"));
        ClusterFaultState faults = new ClusterFaultState(slot -> { }, slot -> { });
        faults.bind(cluster);
        // every request thread of a port asks these; held elsewhere, the monitor must not queue them
        java.util.concurrent.CompletableFuture<String> seen = new java.util.concurrent.CompletableFuture<>();
        synchronized (faults) {
            Thread request = new Thread(() -> {
                faults.onClientRequest();
                seen.complete(String.valueOf(faults.unresponsive(0)));
            }, "request");
            request.start();
            assertThat(seen.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("null");
        }
        faults.add("hang-0", new ClusterFault.Unresponsive(0));
        assertThat(faults.unresponsive(0)).isEqualTo("hang-0");
        assertThat(faults.unresponsive(1)).isNull();
        assertThat(faults.fired("hang-0")).isEqualTo(1);
        faults.remove("hang-0");
        assertThat(faults.unresponsive(0)).isNull();
    }
}
