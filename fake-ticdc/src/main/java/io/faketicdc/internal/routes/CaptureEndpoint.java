package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.RequestFacts;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Dispatcher;
import io.faketicdc.internal.http.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * What one capture process does with a request (REFERENCE 1.2, 1.8): route it, answer 503 while
 * not ready, proxy owner-only routes to the owner (adding the forwarding headers), else handle it.
 */
public final class CaptureEndpoint implements Function<ApiRequest, ApiResponse> {
    static final String FORWARD_FROM = "TiCDC-ForwardFromCapture";
    static final String FORWARD_TIMES = "TiCDC-ForwardTimes";

    private final Cluster cluster;
    private final Router router;
    private final int slot;
    private final IntUnaryOperator ports;
    private final List<CaptureEndpoint> peers;

    /** @param ports the bound port of each slot; @param peers every endpoint of the cluster, by slot */
    public CaptureEndpoint(Cluster cluster, Router router, int slot, IntUnaryOperator ports, List<CaptureEndpoint> peers) {
        this.cluster = cluster;
        this.router = router;
        this.slot = slot;
        this.ports = ports;
        this.peers = peers;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        return dispatch(request);
    }

    public ApiResponse dispatch(ApiRequest request) {
        Router.Match match = router.match(request);
        if (match.answer() != null) {
            synchronized (cluster.lock()) {
                cluster.onRequest(new RequestFacts(request.method(), request.path(), null, slot));
            }
            return match.answer();
        }
        Call call = match.call();
        Capture self;
        Capture owner;
        synchronized (cluster.lock()) {
            cluster.tick();
            cluster.onRequest(new RequestFacts(request.method(), request.path(), call.route().operation(), slot));
            self = cluster.membership().at(slot);
            owner = cluster.owner();
        }
        if (self == null) return ApiResponse.bare(503);
        if (request.path().startsWith("/api/") && !self.ready()) return notReady();
        if (call.route().ownerForwarded() && owner != self) return forward(request, self, owner);
        return Dispatcher.invoke(call);
    }

    static ApiResponse notReady() {
        return ApiError.withStatus(503, "CDC:ErrServerIsNotReady", "cdc server is not ready").toResponse();
    }

    private ApiResponse forward(ApiRequest request, Capture self, Capture owner) {
        String times = request.header(FORWARD_TIMES);
        long hops = 0;
        if (times != null) {
            try {
                hops = Long.parseUnsignedLong(times);
            } catch (NumberFormatException e) {
                hops = Long.MAX_VALUE;
            }
            if (Long.compareUnsigned(hops, 2) > 0) {
                return ApiError.of("ErrRequestForwardErr",
                        "request forward error, an request can only forward to owner one time").toResponse();
            }
        }
        if (owner == null) return ApiError.plain("election: no leader").toResponse();
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(FORWARD_FROM) || k.equalsIgnoreCase(FORWARD_TIMES));
        headers.put(FORWARD_FROM, new ArrayList<>(List.of(self.id())));
        headers.put(FORWARD_TIMES, new ArrayList<>(List.of(Long.toString(hops + 1))));
        int ownerSlot = owner.index();
        return peers.get(ownerSlot).dispatch(request.forwardedTo(ports.applyAsInt(ownerSlot), ownerSlot, headers));
    }
}
