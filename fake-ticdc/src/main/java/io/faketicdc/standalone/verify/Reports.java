package io.faketicdc.standalone.verify;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** A run as a JSON report and as JUnit XML (the {@code testsuite} form CI tools read). */
public final class Reports {
    private Reports() { }

    public static String json(Kit.Run run) {
        return write(runNode(run));
    }

    /** A comparison: both runs and the differences. */
    public static String json(Kit.Run a, Kit.Run b, List<Diff.Difference> diffs) {
        ObjectNode root = Ctx.JSON.createObjectNode();
        root.set("a", runNode(a));
        root.set("b", runNode(b));
        ArrayNode list = root.putArray("differences");
        for (Diff.Difference d : diffs) {
            ObjectNode o = list.addObject();
            o.put("case", d.caseName());
            o.put("step", d.step());
            ArrayNode details = o.putArray("details");
            d.details().forEach(details::add);
        }
        return write(root);
    }

    /** A comparison as JUnit XML: a case fails when the two servers differ on it. */
    public static String junit(Kit.Run a, Kit.Run b, List<Diff.Difference> diffs) {
        StringBuilder b2 = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long differing = diffs.stream().map(Diff.Difference::caseName).distinct().count();
        b2.append("<testsuite name=\"fake-ticdc verify ").append(xml(a.target())).append(" against ").append(xml(b.target()))
                .append("\" tests=\"").append(a.results().size()).append("\" failures=\"").append(differing)
                .append("\" errors=\"0\" skipped=\"0\" time=\"0.000\">\n");
        for (CaseResult r : a.results()) {
            String name = r.kase().name();
            List<String> mine = diffs.stream().filter(d -> d.caseName().equals(name)).map(d -> d.lines()).toList();
            b2.append("  <testcase classname=\"fake-ticdc.verify.").append(xml(r.kase().topics().get(0))).append("\" name=\"").append(xml(name)).append('"');
            if (mine.isEmpty()) b2.append("/>\n");
            else b2.append(">\n    <failure message=\"the servers differ\">").append(xml(String.join("\n", mine))).append("</failure>\n  </testcase>\n");
        }
        return b2.append("</testsuite>\n").toString();
    }

    private static String write(ObjectNode root) {
        try {
            return Ctx.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e.getOriginalMessage());
        }
    }

    private static ObjectNode runNode(Kit.Run run) {
        ObjectNode root = Ctx.JSON.createObjectNode();
        root.put("target", run.target());
        root.put("profile", run.profile().name());
        root.put("passed", run.count(CaseResult.Outcome.PASSED));
        root.put("failed", run.count(CaseResult.Outcome.FAILED));
        root.put("skipped", run.count(CaseResult.Outcome.SKIPPED));
        ArrayNode cases = root.putArray("cases");
        for (CaseResult r : run.results()) {
            ObjectNode c = cases.addObject();
            c.put("name", r.kase().name());
            c.put("source", r.kase().source());
            ArrayNode tags = c.putArray("tags");
            r.kase().tags().forEach(tags::add);
            c.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            if (r.message() != null) c.put("message", r.message());
            c.put("millis", r.millis());
        }
        return root;
    }

    public static String junit(Kit.Run run) {
        double total = run.results().stream().mapToLong(CaseResult::millis).sum() / 1000.0;
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuite name=\"fake-ticdc verify (").append(xml(run.profile().name())).append(") ").append(xml(run.target()))
                .append("\" tests=\"").append(run.results().size())
                .append("\" failures=\"").append(run.count(CaseResult.Outcome.FAILED))
                .append("\" errors=\"0\" skipped=\"").append(run.count(CaseResult.Outcome.SKIPPED))
                .append("\" time=\"").append(seconds(total)).append("\">\n");
        for (CaseResult r : run.results()) {
            b.append("  <testcase classname=\"fake-ticdc.verify.").append(xml(r.kase().topics().get(0)))
                    .append("\" name=\"").append(xml(r.kase().name())).append("\" time=\"").append(seconds(r.millis() / 1000.0)).append('"');
            switch (r.outcome()) {
                case PASSED -> b.append("/>\n");
                case SKIPPED -> b.append(">\n    <skipped message=\"").append(xml(r.message())).append("\"/>\n  </testcase>\n");
                case FAILED -> b.append(">\n    <failure message=\"").append(xml(r.message())).append("\">")
                        .append(xml(r.message() + "\nfollows " + r.kase().source())).append("</failure>\n  </testcase>\n");
            }
        }
        return b.append("</testsuite>\n").toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    /** Escapes for XML text and attributes; characters XML 1.0 cannot carry become U+FFFD. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                default -> b.append(ch < 0x20 && ch != '\t' && ch != '\r' ? '\uFFFD' : ch);
            }
        }
        return b.toString();
    }
}
