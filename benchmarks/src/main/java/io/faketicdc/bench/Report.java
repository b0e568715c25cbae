package io.faketicdc.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects every number and prints the one report at the end. */
public final class Report {
    /** One measurement: our value and each peer's, in the same unit, lower-is-better or not. */
    public record Row(String part, String metric, String unit, boolean lowerIsBetter, double ours,
                      Map<String, Double> peers, String note) { }

    public record Target(String what, String measured, String limit, boolean pass) { }

    private final List<Row> rows = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    public synchronized void row(String part, String metric, String unit, boolean lowerIsBetter, double ours,
                                 Map<String, Double> peers, String note) {
        rows.add(new Row(part, metric, unit, lowerIsBetter, ours, new LinkedHashMap<>(peers), note));
    }

    public synchronized void target(String what, String measured, String limit, boolean pass) {
        targets.add(new Target(what, measured, limit, pass));
    }

    /** A free-form line under the tables (spread, sample sizes, thread names). */
    public synchronized void detail(String line) {
        details.add(line);
    }

    public synchronized String render(String machine) {
        StringBuilder sb = new StringBuilder();
        sb.append("## fake-ticdc benchmark report\n\n").append(machine).append("\n\n");
        sb.append("### fake-ticdc vs peers\n\n");
        sb.append("ratio = fake / peer (for times and memory lower is better; for throughput higher is better)\n\n");
        sb.append("| part | metric | fake-ticdc | peer | peer value | ratio |\n");
        sb.append("| --- | --- | ---: | --- | ---: | ---: |\n");
        for (Row r : rows) {
            if (r.peers().isEmpty()) {
                sb.append(Bench.f("| %s | %s | %s | | | |%n", r.part(), r.metric(), num(r.ours(), r.unit())));
            }
            for (Map.Entry<String, Double> p : r.peers().entrySet()) {
                sb.append(Bench.f("| %s | %s | %s | %s | %s | %s |%n", r.part(), r.metric(), num(r.ours(), r.unit()),
                        p.getKey(), num(p.getValue(), r.unit()), ratio(r.ours(), p.getValue())));
            }
        }
        sb.append("\n### targets (from the issue)\n\n");
        sb.append("| target | measured | limit | verdict |\n| --- | --- | --- | --- |\n");
        for (Target t : targets) {
            sb.append(Bench.f("| %s | %s | %s | %s |%n", t.what(), t.measured(), t.limit(), t.pass() ? "PASS" : "MISS"));
        }
        if (!details.isEmpty()) {
            sb.append("\n### details\n\n");
            for (String d : details) sb.append("- ").append(d).append('\n');
        }
        for (Row r : rows) {
            if (r.note() != null && !r.note().isEmpty()) {
                // notes are already in details when they matter; keep the table compact
            }
        }
        return sb.toString();
    }

    private static String num(double v, String unit) {
        if (Double.isNaN(v)) return "n/a";
        if (Math.abs(v) >= 100) return Bench.f("%.0f %s", v, unit);
        if (Math.abs(v) >= 10) return Bench.f("%.1f %s", v, unit);
        return Bench.f("%.2f %s", v, unit);
    }

    private static String ratio(double ours, double peer) {
        if (Double.isNaN(ours) || Double.isNaN(peer) || peer == 0) return "n/a";
        if (peer < 0 || ours < 0) return "n/a (below noise)";
        return Bench.f("%.2fx", ours / peer);
    }
}
