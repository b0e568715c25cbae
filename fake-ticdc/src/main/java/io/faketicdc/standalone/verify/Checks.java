package io.faketicdc.standalone.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The checks a case makes on an answer; an unmet one ends the case with a one-line
 * {@link CaseFailure} naming the last request, what was expected and what came.
 */
public abstract class Checks {
    /** The Content-Type gin's {@code c.JSON} / {@code c.IndentedJSON} send. */
    static final String JSON_TYPE = "application/json; charset=utf-8";

    /** {@code "METHOD /path: "} of the last request, to begin a failure with. */
    abstract String last();

    public void check(boolean condition, String failure) {
        if (!condition) throw new CaseFailure(failure);
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
            return Ctx.JSON.readTree(r.body());
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
