package io.faketicdc.internal.routes;

import io.faketicdc.internal.cluster.Capture;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.RequestFacts;
import io.faketicdc.internal.http.ApiError;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.ApiResponse;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.Dispatcher;
import io.faketicdc.internal.http.Exchange;
import io.faketicdc.internal.http.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

/**
 * What one capture process does with a request (pingcap/tiflow cdc/api/v2/api.go;
 * cdc/api/middleware/middleware.go; cdc/api/util.go): route it, answer 503 while
 * not ready, proxy owner-only routes to the owner (adding the forwarding headers), else handle it.
 */
public final class CaptureEndpoint {
    static final String FORWARD_FROM = "TiCDC-ForwardFromCapture";
    /** The new architecture's forwarding header (pingcap/ticdc api/middleware/middleware.go). */
    static final String FORWARD_FROM_NODE = "TiCDC-ForwardFrom";
    static final String FORWARD_TIMES = "TiCDC-ForwardTimes";

    private final Cluster cluster;
    private final Router router;
    /** The fake each call through the shared router is served in. */
    private final ApiContext scope;
    private final int slot;
    private final IntUnaryOperator ports;
    private final List<CaptureEndpoint> peers;
    private final ForwardFaults forwardFaults;
    /** Whether credentials are checked at all (client-user-required, on a profile that has it). */
    private final boolean authentication;
    /** The operations it protects. */
    private final java.util.Set<String> protectedOps;
    /** The new architecture: no readiness check, forwarding to the coordinator with its own header and loop error. */
    private final boolean newKernel;
    /** Bound once, so that serving a request allocates no step. */
    private final Consumer<Exchange> fromClient = x -> handle(x, true);

    /**
     * @param ports the bound port of each slot; @param peers every endpoint of the cluster, by slot;
     * @param forwardFaults says when the owner cannot be reached (fault injection)
     */
    public CaptureEndpoint(Cluster cluster, Router router, int slot, IntUnaryOperator ports, List<CaptureEndpoint> peers,
            ForwardFaults forwardFaults) {
        this.cluster = cluster;
        this.router = router;
        this.scope = new ApiContext(cluster, io.faketicdc.internal.config.ApiSchema.of(cluster.profile()));
        io.faketicdc.internal.config.ProfileTraits traits = scope.traits();
        this.slot = slot;
        this.ports = ports;
        this.peers = peers;
        this.forwardFaults = forwardFaults;
        this.authentication = cluster.config().credentials().required() && traits.clientAuthentication();
        this.newKernel = scope.newKernel();
        this.protectedOps = newKernel ? Authentication.PROTECTED_NEW_KERNEL : Authentication.PROTECTED;
    }

    /** Whether a non-owner can reach the owner; a fault answers in its place. */
    @FunctionalInterface
    public interface ForwardFaults {
        ForwardFaults NONE = (exchange, owner, url) -> false;

        /**
         * Whether the hop to {@code owner} at {@code url} is broken; when it is, the fault has
         * answered the exchange ({@link Exchange#handled}, {@link Exchange#faulted}).
         */
        boolean broken(Exchange exchange, Capture owner, String url);
    }

    /**
     * The endpoint of a new slot after the last, sharing this one's router, peers and forwarding;
     * it joins the peers, so forwarded requests can reach it once it owns.
     */
    public CaptureEndpoint addPeer() {
        synchronized (peers) {
            CaptureEndpoint e = new CaptureEndpoint(cluster, router, peers.size(), ports, peers, forwardFaults);
            peers.add(e);
            return e;
        }
    }

    public int slot() {
        return slot;
    }

    /** The operation names of every route served (the profile's router collects them once). */
    public java.util.Set<String> operations() {
        return router.operations();
    }

    /** The route a request matches (with its path parameters), or the router's own answer. */
    public Router.Match route(ApiRequest request) {
        return router.match(request, scope);
    }

    /**
     * Handles a client's exchange as one atomic step of the cluster (the only lock taken for it,
     * so requests are handled, and numbered, one after another), after the route's prepare step
     * (if any) has run outside the lock: the cluster ticks and counts the
     * request, then this capture answers 503 while not ready, forwards owner routes to the owner,
     * or calls the handler, which runs within the step. The exchange is numbered there
     * ({@link Exchange#handled}).
     */
    public void serve(Exchange x) {
        // the route's expensive, state-independent work (a create's body, say) runs before the
        // lock, so it never holds up other requests (Route.Prepare)
        if (!cluster.closed()) x.prepare();
        cluster.atomically(x, fromClient);
    }

    /** @param fromClient false for the in-process hop from a non-owner: not counted again */
    private void handle(Exchange x, boolean fromClient) {
        // the process is exiting: a request that was still waiting its turn gets no answer worth
        // computing (close() must not wait for a queue of them, each done in turn)
        if (cluster.closed()) {
            x.handled(ApiResponse.bare(503), null);
            return;
        }
        Call call = x.call();
        if (call != null) cluster.tick();
        if (fromClient) cluster.onRequest(new RequestFacts(x.request().method(), x.request().path(), x.operation(), slot));
        if (call == null) {
            x.handled(x.routerAnswer(), null);
            return;
        }
        Capture self = cluster.membership().at(slot);
        Capture owner = cluster.owner();
        if (self == null) x.handled(ApiResponse.bare(503), null);
        else if (newKernel && !self.ready() && call.route().ownerForwarded()) x.handled(coordinatorNotInitialized(), null);
        else if (!newKernel && x.request().path().startsWith("/api/") && !self.ready()) x.handled(notReady(), null);
        else if (call.route().ownerForwarded() && owner != self) forward(x, self, owner);
        else x.handled(authenticatedOrRefused(call, self), null);
    }

    /** After forwarding, on the capture that serves the route: its credentials check, then the handler. */
    private ApiResponse authenticatedOrRefused(Call call, Capture self) {
        ApiResponse badKeyspace = Keyspaces.refusal(cluster.config().keyspaces(), call);
        if (badKeyspace != null) return badKeyspace;
        if (authentication) {
            String address = self.address();
            int colon = address.lastIndexOf(':');
            ApiResponse refused = Authentication.refusal(cluster.config().credentials(), protectedOps, call.route().operation(),
                    call.request(), colon < 0 ? address : address.substring(0, colon));
            if (refused != null) return refused;
        }
        return Dispatcher.invoke(call);
    }

    /** 503 {@code CDC:ErrServerIsNotReady}, as a capture still starting up answers. */
    public static ApiResponse notReady() {
        return ApiError.withStatus(503, "CDC:ErrServerIsNotReady", "cdc server is not ready").toResponse();
    }

    /**
     * The new architecture has no readiness check: a coordinator still starting answers its
     * routes with a plain error, 500 with an empty error_code (pingcap/ticdc api/v2/helper.go isInitialized).
     */
    static ApiResponse coordinatorNotInitialized() {
        return ApiError.plain("coordinator is not fully initialized, wait a moment").toResponse();
    }

    private void forward(Exchange x, Capture self, Capture owner) {
        ApiRequest request = x.request();
        String forwardFrom = newKernel ? FORWARD_FROM_NODE : FORWARD_FROM;
        String times = request.header(FORWARD_TIMES);
        long hops = 0;
        if (times != null) {
            try {
                hops = Long.parseUnsignedLong(times);
            } catch (NumberFormatException e) {
                hops = Long.MAX_VALUE;
            }
            if (Long.compareUnsigned(hops, 2) > 0) {
                x.handled((newKernel ? ApiError.plain("TiCDC cluster is unavailable, please try again later")
                        : ApiError.of("ErrRequestForwardErr", "request forward error, an request can only forward to owner one time"))
                        .toResponse(), null);
                return;
            }
        }
        if (owner == null) {
            x.handled(ApiError.plain("election: no leader").toResponse(), null);
            return;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(forwardFrom) || k.equalsIgnoreCase(FORWARD_TIMES));
        headers.put(forwardFrom, new ArrayList<>(List.of(self.id())));
        headers.put(FORWARD_TIMES, new ArrayList<>(List.of(Long.toString(hops + 1))));
        int ownerSlot = owner.index();
        // the real hop is https when TLS is on (pingcap/tiflow cdc/api/util.go); here it stays in process
        String url = cluster.config().tls() == null ? "http://" + owner.address() + request.pathAndQuery()
                : "https://" + owner.address() + request.pathAndQuery();
        if (forwardFaults.broken(x, owner, url)) return;
        ApiRequest hopRequest = request.forwardedTo(ports.applyAsInt(ownerSlot), ownerSlot, headers);
        Call call = x.call();
        Exchange hop = new Exchange(hopRequest, new Router.Match(call.forRequest(hopRequest), null),
                x.received(), NOT_NUMBERED);
        peers.get(ownerSlot).handle(hop, false);
        x.handled(hop.response(), ownerSlot);
    }

    private static final java.util.function.LongSupplier NOT_NUMBERED = () -> 0L;
}
