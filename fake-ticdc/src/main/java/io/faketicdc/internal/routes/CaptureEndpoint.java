package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.RequestFacts;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Delivery;
import io.faketicdc.internal.http.Dispatcher;
import io.faketicdc.internal.http.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * What one capture process does with a request (pingcap/tiflow cdc/api/v2/api.go;
 * cdc/api/middleware/middleware.go; cdc/api/util.go): route it, answer 503 while
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
    private volatile java.util.function.LongSupplier sequencer = () -> 0L;
    private final ForwardFaults forwardFaults;

    /**
     * @param ports the bound port of each slot; @param peers every endpoint of the cluster, by slot;
     * @param forwardFaults says when the owner cannot be reached (fault injection)
     */
    public CaptureEndpoint(Cluster cluster, Router router, int slot, IntUnaryOperator ports, List<CaptureEndpoint> peers,
            ForwardFaults forwardFaults) {
        this.cluster = cluster;
        this.router = router;
        this.slot = slot;
        this.ports = ports;
        this.peers = peers;
        this.forwardFaults = forwardFaults;
    }

    /**
     * What became of one request: the answer, the matched route's operation (null for a 404 or a
     * redirect), the slot of the owner it was forwarded to (null when not forwarded), and when a
     * fault fired, its rule ID, its effect kind and how the answer goes onto the wire.
     */
    public record Outcome(ApiResponse response, String operation, Integer forwardedTo, String faultRule,
                          String faultEffect, Delivery delivery, long sequence) {
        public Outcome {
            if (delivery == null) delivery = Delivery.NORMAL;
        }

        public Outcome(ApiResponse response, String operation, Integer forwardedTo, String faultRule,
                       String faultEffect, Delivery delivery) {
            this(response, operation, forwardedTo, faultRule, faultEffect, delivery, 0);
        }

        public Outcome(ApiResponse response, String operation, Integer forwardedTo) {
            this(response, operation, forwardedTo, null, null, Delivery.NORMAL, 0);
        }

        /** The journal sequence number this exchange got where it was handled (0: none yet). */
        Outcome sequenced(long seq) {
            return new Outcome(response, operation, forwardedTo, faultRule, faultEffect, delivery, seq);
        }

        /** The same exchange answered by a fault instead. */
        public Outcome faulted(ApiResponse answer, String rule, String effect, Delivery how) {
            return new Outcome(answer, operation, forwardedTo, rule, effect, how, sequence);
        }
    }

    /** Whether a non-owner can reach the owner; a fault answers in its place. */
    @FunctionalInterface
    public interface ForwardFaults {
        ForwardFaults NONE = (request, operation, owner, url) -> null;

        /** The outcome of a failed hop to {@code owner} at {@code url}, or null when it is reachable. */
        Outcome forwarding(ApiRequest request, String operation, Capture owner, String url);
    }

    /**
     * The endpoint of a new slot after the last, sharing this one's router, peers, forwarding and
     * sequencing; it joins the peers, so forwarded requests can reach it once it owns.
     */
    public CaptureEndpoint addPeer() {
        synchronized (peers) {
            CaptureEndpoint e = new CaptureEndpoint(cluster, router, peers.size(), ports, peers, forwardFaults);
            e.sequencer = sequencer;
            peers.add(e);
            return e;
        }
    }

    public int slot() {
        return slot;
    }

    /** The operation names of every route served. */
    public java.util.Set<String> operations() {
        java.util.Set<String> ops = new java.util.TreeSet<>();
        for (var r : router.routes()) ops.add(r.operation());
        return ops;
    }

    /** The route a request matches, with its path parameters, or null (404, redirect). */
    public Call route(ApiRequest request) {
        return router.match(request).call();
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        return serve(request).response();
    }

    /**
     * Handles a client's request under the cluster's lock and gives it the next journal sequence
     * number there, so the journal's order is the order the fake handled requests in.
     */
    public Outcome serve(ApiRequest request) {
        synchronized (cluster.lock()) {
            Outcome o = serveInOrder(request);
            return o.sequenced(sequencer.getAsLong());
        }
    }

    /** Sets where sequence numbers come from (the fake's journal); none: 0. */
    public void sequencer(java.util.function.LongSupplier sequencer) {
        this.sequencer = sequencer;
    }

    private Outcome serveInOrder(ApiRequest request) {
        // the process is exiting: a request that was still waiting its turn gets no answer worth
        // computing (close() must not wait for a queue of them, each done in turn)
        if (cluster.closed()) return new Outcome(ApiResponse.bare(503), null, null);
        Router.Match match = router.match(request);
        if (match.answer() != null) {
            synchronized (cluster.lock()) {
                cluster.onRequest(new RequestFacts(request.method(), request.path(), null, slot));
            }
            return new Outcome(match.answer(), null, null);
        }
        Call call = match.call();
        String operation = call.route().operation();
        Capture self;
        Capture owner;
        synchronized (cluster.lock()) {
            cluster.tick();
            cluster.onRequest(new RequestFacts(request.method(), request.path(), call.route().operation(), slot));
            self = cluster.membership().at(slot);
            owner = cluster.owner();
        }
        if (self == null) return new Outcome(ApiResponse.bare(503), operation, null);
        if (request.path().startsWith("/api/") && !self.ready()) return new Outcome(notReady(), operation, null);
        if (call.route().ownerForwarded() && owner != self) return forward(request, self, owner, operation);
        return new Outcome(Dispatcher.invoke(call), operation, null);
    }

    /** 503 {@code CDC:ErrServerIsNotReady}, as a capture still starting up answers. */
    public static ApiResponse notReady() {
        return ApiError.withStatus(503, "CDC:ErrServerIsNotReady", "cdc server is not ready").toResponse();
    }

    private Outcome forward(ApiRequest request, Capture self, Capture owner, String operation) {
        String times = request.header(FORWARD_TIMES);
        long hops = 0;
        if (times != null) {
            try {
                hops = Long.parseUnsignedLong(times);
            } catch (NumberFormatException e) {
                hops = Long.MAX_VALUE;
            }
            if (Long.compareUnsigned(hops, 2) > 0) {
                return new Outcome(ApiError.of("ErrRequestForwardErr",
                        "request forward error, an request can only forward to owner one time").toResponse(), operation, null);
            }
        }
        if (owner == null) return new Outcome(ApiError.plain("election: no leader").toResponse(), operation, null);
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(FORWARD_FROM) || k.equalsIgnoreCase(FORWARD_TIMES));
        headers.put(FORWARD_FROM, new ArrayList<>(List.of(self.id())));
        headers.put(FORWARD_TIMES, new ArrayList<>(List.of(Long.toString(hops + 1))));
        int ownerSlot = owner.index();
        Outcome broken = forwardFaults.forwarding(request, operation, owner,
                "http://" + owner.address() + request.pathAndQuery());
        if (broken != null) return broken;
        ApiRequest hop = request.forwardedTo(ports.applyAsInt(ownerSlot), ownerSlot, headers);
        return new Outcome(peers.get(ownerSlot).serveInOrder(hop).response(), operation, ownerSlot);
    }
}
