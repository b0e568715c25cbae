package io.faketicdc.internal.http;

import io.faketicdc.faults.Effect;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * One client request on its way through a capture's pipeline, and what became of it: the route
 * it matched (matched once, when it arrived), the journal number it got where the cluster handled
 * it, the owner it was forwarded to, the fault that fired, the answer, and how the answer goes onto
 * the wire. Belongs to the one thread that serves the request.
 */
public final class Exchange {
    private final ApiRequest request;
    private final Router.Match match;
    private final Instant received;
    private final long startNanos = System.nanoTime();
    private final LongSupplier sequencer;
    private long sequence;
    private boolean served;
    private Integer forwardedTo;
    private String faultRule;
    private String faultEffect;
    private ApiResponse response;
    private Effect wire;
    private Call prepared;

    /** @param sequencer hands out journal numbers (the journal's; none: always 0) */
    public Exchange(ApiRequest request, Router.Match match, Instant received, LongSupplier sequencer) {
        this.request = request;
        this.match = match;
        this.received = received;
        this.sequencer = sequencer;
    }

    public ApiRequest request() { return request; }
    /** The matched route with its parameters, or null when {@link #routerAnswer()} answers (404, redirect). */
    public Call call() { return prepared != null ? prepared : match.call(); }
    public ApiResponse routerAnswer() { return match.answer(); }
    /** The matched route's operation name, or null. */
    public String operation() { return match.call() == null ? null : match.call().route().operation(); }
    public Instant received() { return received; }
    public long elapsedNanos() { return System.nanoTime() - startNanos; }
    public long sequence() { return sequence; }
    public Integer forwardedTo() { return forwardedTo; }
    public String faultRule() { return faultRule; }
    public String faultEffect() { return faultEffect; }
    public ApiResponse response() { return response; }
    /** The connection effect the server shell carries out instead of a plain write, or null. */
    public Effect wire() { return wire; }
    /** Whether the capture (not a fault in its place) served the request. */
    public boolean served() { return served; }

    /**
     * The cluster handled the request, now, under its lock: the journal number is taken here, so
     * the journal's order is the order the fake handled requests in.
     */
    public void handled(ApiResponse answer, Integer forwardedTo) {
        this.served = true;
        this.sequence = sequencer.getAsLong();
        this.response = answer;
        this.forwardedTo = forwardedTo;
    }

    /**
     * Runs the matched route's prepare step, if it has one (outside the cluster's lock); the
     * handler then gets the prepared call.
     */
    public void prepare() {
        Call c = match.call();
        if (c != null && c.route().prepare() != null && prepared == null) prepared = c.prepare();
    }

    /** A fault fired: its rule ID and its effect's kind. */
    public void faulted(String rule, String effectKind) {
        this.faultRule = rule;
        this.faultEffect = effectKind;
    }

    /** A fault's answer, in place of (or over) the capture's. */
    public void answer(ApiResponse answer) {
        this.response = answer;
    }

    /** How the answer goes onto the wire: a connection effect, or null for a plain write. */
    public void wire(Effect connectionEffect) {
        this.wire = connectionEffect;
    }

    /** Whether a status line reaches the client. */
    public boolean answers() {
        return wire == null || wire instanceof Effect.SlowBody || wire instanceof Effect.TruncatedBody;
    }

    /** What the shell sends. An exchange nobody answered sends no status line. */
    public Reply reply() {
        return new Reply(response != null ? response : ApiResponse.bare(0), wire);
    }
}
