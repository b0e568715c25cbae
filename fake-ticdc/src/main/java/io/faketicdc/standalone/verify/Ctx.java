package io.faketicdc.standalone.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.Profile;
import io.faketicdc.internal.config.ProfileTraits;
import java.util.ArrayList;
import java.util.List;

/**
 * What a case works with: the target, the profile it expects, the changefeed names it may use
 * (the run's prefix, removed after the case), its transcript, waiting for the owner, and the
 * {@link Checks}.
 */
public final class Ctx extends Checks {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Target target;
    private final Profile profile;
    private final ProfileTraits traits;
    private final RunNames names;
    private final List<String> pdAddrs;
    private final List<Exchange> transcript = new ArrayList<>();
    private final List<String> created = new ArrayList<>();

    Ctx(Target target, Profile profile, RunNames names, List<String> pdAddrs) {
        this.target = target;
        this.profile = profile;
        this.traits = ProfileTraits.of(profile);
        this.names = names;
        this.pdAddrs = pdAddrs;
    }

    public Profile profile() { return profile; }
    public ProfileTraits traits() { return traits; }
    List<Exchange> transcript() { return transcript; }
    List<String> created() { return created; }

    // ---- requests

    public Reply get(String path) { return send("GET", path, null); }
    public Reply post(String path, String body) { return send("POST", path, body); }
    public Reply put(String path, String body) { return send("PUT", path, body); }
    public Reply delete(String path) { return send("DELETE", path, null); }

    public Reply send(String method, String path, String body) {
        Reply r = target.send(method, path, body);
        transcript.add(new Exchange(method, path, body, r));
        return r;
    }

    /** A fresh changefeed ID with the run's prefix; it is deleted after the case whether it was created or not. */
    public String feedId() {
        String id = names.next();
        created.add(id);
        return id;
    }

    /**
     * The table filter of every changefeed the kit creates: a schema no cluster has, so a changefeed
     * on a shared cluster replicates (and scans) nothing.
     */
    public static final String FILTER_RULE = "fake_ticdc_verify_none.*";
    /** The replica config the kit sends: only {@link #FILTER_RULE}. */
    public static final String REPLICA_CONFIG = "\"replica_config\":{\"filter\":{\"rules\":[\"" + FILTER_RULE + "\"]}}";

    /** How long {@link #settle} waits for the owner to apply a change (the fake applies it at once). */
    static final long SETTLE_MILLIS = 10_000;

    /**
     * The create body of a {@code blackhole://} changefeed with {@link #FILTER_RULE}, the run's
     * {@code pd_addrs} if given, and {@code extra} fields (or null).
     */
    public String createBody(String id, String extra) {
        StringBuilder b = new StringBuilder("{\"changefeed_id\":\"").append(id).append("\",\"sink_uri\":\"blackhole://\",")
                .append(REPLICA_CONFIG);
        if (!pdAddrs.isEmpty()) {
            b.append(",\"pd_addrs\":[");
            for (int i = 0; i < pdAddrs.size(); i++) b.append(i == 0 ? "" : ",").append('"').append(pdAddrs.get(i)).append('"');
            b.append(']');
        }
        if (extra != null) b.append(',').append(extra);
        return b.append('}').toString();
    }

    /** A v1 create body: {@code blackhole://} and {@link #FILTER_RULE} ({@code pd_addrs} is not a v1 field). */
    public String v1CreateBody(String id) {
        return "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\",\"filter_rules\":[\"" + FILTER_RULE + "\"]}";
    }

    /** Creates a blackhole changefeed over v2, expects 200, and waits until the owner shows it normal; returns the create answer. */
    public Reply createFeed(String id) {
        Reply r = post("/api/v2/changefeeds", createBody(id, null));
        expectJson(r, 200);
        settleState(id, "normal");
        return r;
    }

    /** Waits until the changefeed's status shows {@code state} (the real owner applies create, pause and resume on a later tick). */
    public void settleState(String id, String state) {
        settle("changefeed " + id + " to be " + state, "/api/v2/changefeeds/" + id + "/status",
                r -> r.status() == 200 && r.body().contains("\"state\":\"" + state + "\""));
    }

    /** Waits until the changefeed is gone (its status is 400). */
    public void settleGone(String id) {
        settle("changefeed " + id + " to be removed", "/api/v2/changefeeds/" + id + "/status", r -> r.status() == 400);
    }

    /**
     * Polls {@code GET path} until {@code until} holds, at most {@link #SETTLE_MILLIS}: the fake
     * answers at once, a real owner on one of its next ticks. The polls are not part of the
     * transcript (a comparison would see how fast each server was).
     */
    void settle(String what, String path, java.util.function.Predicate<Reply> until) {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        long pause = 10;
        while (true) {
            Reply r = target.send("GET", path, null);
            if (until.test(r)) return;
            if (System.nanoTime() > deadline) {
                throw new CaseFailure("waited " + SETTLE_MILLIS / 1000 + "s for " + what + "; GET " + path + " still answers " + r.status() + " " + r.head());
            }
            try {
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CaseFailure("interrupted while waiting for " + what);
            }
        }
    }

    /** {@code METHOD /path: unexpected answer STATUS body} of the last request, for a case that could not read it. */
    String lastAnswer() {
        if (transcript.isEmpty()) return "unexpected answer";
        Exchange e = transcript.get(transcript.size() - 1);
        return e.requestLine() + ": unexpected answer " + e.reply().status() + " " + e.reply().head();
    }

    @Override
    String last() {
        return transcript.isEmpty() ? "" : transcript.get(transcript.size() - 1).requestLine() + ": ";
    }
}
