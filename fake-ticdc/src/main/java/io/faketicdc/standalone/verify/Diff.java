package io.faketicdc.standalone.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two runs of the same cases, step by step, after {@link Normalizer}: status,
 * Content-Type, framing, and the body (JSON field by field, in order; text as it is).
 */
public final class Diff {
    private static final int MAX_FIELDS = 12;

    /** One difference: the case, the request it showed at (or {@code outcome}), and what each server did. */
    public record Difference(String caseName, String step, List<String> details) {
        public String lines() {
            StringBuilder b = new StringBuilder("DIFF  ").append(caseName).append("\n      ").append(step);
            for (String d : details) b.append("\n        ").append(d);
            return b.toString();
        }
    }

    private Diff() { }

    /**
     * The differences as printed: each once, a difference that repeats in later cases (the same
     * request with the same differences) named once with the cases it also shows in.
     */
    public static List<String> lines(List<Difference> diffs) {
        java.util.Map<String, List<Difference>> groups = new java.util.LinkedHashMap<>();
        for (Difference d : diffs) groups.computeIfAbsent(d.step() + "\n" + d.details(), k -> new ArrayList<>()).add(d);
        List<String> out = new ArrayList<>();
        for (List<Difference> g : groups.values()) {
            StringBuilder b = new StringBuilder(g.get(0).lines());
            for (Difference also : g.subList(1, g.size())) b.append("\n      also in: ").append(also.caseName());
            out.add(b.toString());
        }
        return out;
    }

    /** The differences of {@code a} and {@code b}, runs of the same cases with the same run prefix. */
    public static List<Difference> of(Kit.Run a, Kit.Run b, String runPrefix) {
        Normalizer norm = new Normalizer(runPrefix);
        List<Difference> out = new ArrayList<>();
        for (int i = 0; i < a.results().size(); i++) {
            CaseResult ra = a.results().get(i);
            CaseResult rb = b.results().get(i);
            List<Exchange> ta = ra.transcript();
            List<Exchange> tb = rb.transcript();
            boolean any = false;
            for (int s = 0; s < Math.max(ta.size(), tb.size()); s++) {
                Exchange ea = s < ta.size() ? ta.get(s) : null;
                Exchange eb = s < tb.size() ? tb.get(s) : null;
                if (ea == null || eb == null || !norm.path(ea.requestLine()).equals(norm.path(eb.requestLine()))) {
                    out.add(new Difference(ra.kase().name(), "step " + (s + 1),
                            List.of("A: " + (ea == null ? "(stopped earlier: " + ra.message() + ")" : norm.path(ea.requestLine())),
                                    "B: " + (eb == null ? "(stopped earlier: " + rb.message() + ")" : norm.path(eb.requestLine())))));
                    any = true;
                    break;
                }
                List<String> d = step(norm, ea, eb);
                if (!d.isEmpty()) {
                    out.add(new Difference(ra.kase().name(), norm.path(ea.requestLine()), d));
                    any = true;
                }
            }
            if (!any && ra.outcome() != rb.outcome()) {
                out.add(new Difference(ra.kase().name(), "outcome", List.of("A: " + outcome(ra), "B: " + outcome(rb))));
            }
        }
        return out;
    }

    private static String outcome(CaseResult r) {
        return r.outcome().name().toLowerCase(java.util.Locale.ROOT) + (r.message() == null ? "" : ": " + r.message());
    }

    static List<String> step(Normalizer norm, Exchange a, Exchange b) {
        List<String> d = new ArrayList<>();
        Reply x = a.reply();
        Reply y = b.reply();
        if (x.status() != y.status()) d.add("status: A " + x.status() + ", B " + y.status());
        if (!Objects.equals(x.contentType(), y.contentType())) d.add("Content-Type: A " + x.contentType() + ", B " + y.contentType());
        String fx = Normalizer.framing(x.body());
        String fy = Normalizer.framing(y.body());
        if (!fx.equals(fy)) d.add("framing: A " + fx + ", B " + fy);
        JsonNode jx = norm.json(a);
        JsonNode jy = norm.json(b);
        if (jx != null && jy != null) {
            List<String> fields = new ArrayList<>();
            fields(jx, jy, "", fields);
            if (fields.size() > MAX_FIELDS) {
                int more = fields.size() - MAX_FIELDS;
                fields = new ArrayList<>(fields.subList(0, MAX_FIELDS));
                fields.add("... and " + more + " more");
            }
            d.addAll(fields);
        } else {
            String bx = norm.text(x.body());
            String by = norm.text(y.body());
            if (!bx.equals(by)) d.add("body: A " + cut(bx) + " | B " + cut(by));
        }
        return d;
    }

    /** Field by field: missing on one side, different values, different key order. */
    private static void fields(JsonNode x, JsonNode y, String path, List<String> out) {
        if (x.isObject() && y.isObject()) {
            Set<String> keys = new LinkedHashSet<>(Ctx.keys(x));
            keys.addAll(Ctx.keys(y));
            for (String k : keys) {
                String p = path.isEmpty() ? k : path + "." + k;
                if (!x.has(k)) out.add(p + ": only B has it (" + cut(y.get(k).toString()) + ")");
                else if (!y.has(k)) out.add(p + ": only A has it (" + cut(x.get(k).toString()) + ")");
                else fields(x.get(k), y.get(k), p, out);
            }
            List<String> common = new ArrayList<>(Ctx.keys(x));
            common.retainAll(Ctx.keys(y));
            List<String> commonY = new ArrayList<>(Ctx.keys(y));
            commonY.retainAll(Ctx.keys(x));
            if (!common.equals(commonY)) out.add((path.isEmpty() ? "keys" : path) + ": A orders " + common + ", B " + commonY);
        } else if (x.isArray() && y.isArray() && x.size() == y.size()) {
            for (int i = 0; i < x.size(); i++) fields(x.get(i), y.get(i), path + "[" + i + "]", out);
        } else if (!x.equals(y)) {
            out.add((path.isEmpty() ? "body" : path) + ": A " + cut(x.toString()) + ", B " + cut(y.toString()));
        }
    }

    private static String cut(String s) {
        String t = s.replace("\n", " ").replaceAll(" {2,}", " ");
        return t.length() > 120 ? t.substring(0, 120) + "..." : t;
    }
}
