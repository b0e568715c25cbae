package io.faketicdc.standalone.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.Profile;
import io.faketicdc.internal.config.ProfileTraits;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What a case works with: the target, the profile it expects, the changefeed names it may use
 * (the run's prefix, removed after the case), its transcript, and the checks that end the case
 * with a one-line failure.
 */
public final class Ctx {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The Content-Type gin's {@code c.JSON} / {@code c.IndentedJSON} send. */
    static final String JSON_TYPE = "application/json; charset=utf-8";

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

    // ---- checks

    public void check(boolean condition, String failure) {
        if (!condition) throw new CaseFailure(failure);
    }

    private String last() {
        return transcript.isEmpty() ? "" : transcript.get(transcript.size() - 1).requestLine() + ": ";
    }

    public void expectStatus(Reply r, int status) {
        check(r.status() == status, last() + "expected status " + status + ", got " + r.status() + " " + r.head());
    }

    /** The status, and gin's JSON Content-Type. */
    public void expectJson(Reply r, int status) {
        expectStatus(r, status);
        check(JSON_TYPE.equals(r.contentType()), last() + "expected Content-Type " + JSON_TYPE + ", got " + r.contentType());
    }

    public void expectBody(Reply r, String body) {
        check(r.body().equals(body), last() + "expected body " + oneLine(body) + ", got " + r.head());
    }

    /** TiCDC's error: the status, gin's JSON Content-Type, and the 4-space indented {@code error_msg}, {@code error_code}. */
    public void expectError(Reply r, int status, String code, String message) {
        expectJson(r, status);
        expectErrorBody(r, code, message);
    }

    /** The error body alone (a JSON decoding failure comes as text/plain). */
    public void expectErrorBody(Reply r, String code, String message) {
        expectBody(r, errorBody(message, code));
    }

    /** An error whose message starts with {@code prefix} (the rest carries a TSO or time). */
    public void expectErrorPrefix(Reply r, int status, String code, String prefix) {
        expectJson(r, status);
        JsonNode n = json(r);
        expectKeys(n, "the error", "error_msg", "error_code");
        check(n.get("error_code").asText().equals(code), last() + "expected error_code " + code + ", got " + n.get("error_code"));
        check(n.get("error_msg").asText().startsWith(prefix), last() + "expected error_msg starting " + prefix + ", got " + n.get("error_msg"));
    }

    /** gin's answer for a path or method it has no route for. */
    public void expectGin404(Reply r) {
        expectStatus(r, 404);
        check("text/plain".equals(r.contentType()), last() + "expected gin's Content-Type text/plain, got " + r.contentType());
        expectBody(r, "404 page not found");
    }

    /** Compact JSON ({@code c.JSON}): one line. */
    public void expectCompact(Reply r) {
        check(!r.body().contains("\n"), last() + "expected compact JSON, got " + r.head());
    }

    /** Indented JSON ({@code c.IndentedJSON}): a newline and {@code indent} spaces before the first key. */
    public void expectIndented(Reply r, int indent) {
        String lead = r.body().startsWith("[") ? "[\n" : "{\n";
        check(r.body().startsWith(lead + " ".repeat(indent) + (r.body().startsWith("[") ? "" : "\""))
                && !r.body().startsWith(lead + " ".repeat(indent + 1)), last() + "expected JSON indented by " + indent + ", got " + r.head());
    }

    public JsonNode json(Reply r) {
        try {
            return JSON.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new CaseFailure(last() + "expected JSON, got " + r.head());
        }
    }

    /** The object's keys, exactly and in this order (Go's field order, omit-empty). */
    public void expectKeys(JsonNode n, String what, String... keys) {
        List<String> actual = keys(n);
        check(actual.equals(List.of(keys)), last() + what + ": expected keys " + List.of(keys) + ", got " + actual);
    }

    public static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    /** A bare unsigned integer of TSO size (never quoted, never in exponent form) under {@code "key":} in the raw body. */
    public long expectTso(Reply r, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":\\s*(\\d+)[,}\\n]").matcher(r.body());
        check(m.find(), last() + "expected " + key + " as a bare integer, got " + r.head());
        long v = Long.parseUnsignedLong(m.group(1));
        check(Long.compareUnsigned(v, 1L << 18) > 0, last() + "expected " + key + " to be a TSO (physical << 18), got " + v);
        return v;
    }

    static String errorBody(String msg, String code) {
        return "{\n    \"error_msg\": \"" + goEscape(msg) + "\",\n    \"error_code\": \"" + code + "\"\n}";
    }

    /** A string as Go's encoding/json writes it (HTML-escaped). */
    static String goEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String oneLine(String s) {
        String b = s.replace("\n", " ").replaceAll(" {2,}", " ");
        return b.length() > 160 ? b.substring(0, 160) + "..." : b;
    }
}
