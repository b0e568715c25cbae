package io.faketicdc.standalone.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.faketicdc.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the selected cases against one target, in order, after the {@link Probe}. Each case's
 * changefeeds are deleted after it, pass or fail; at the end, anything left with the run's prefix
 * is deleted too.
 */
public final class Kit {
    private final Target target;
    private final Profile profile;
    private final RunNames names;
    private final List<String> pdAddrs;

    public Kit(Target target, Profile profile, RunNames names, List<String> pdAddrs) {
        this.target = target;
        this.profile = profile;
        this.names = names;
        this.pdAddrs = List.copyOf(pdAddrs);
    }

    /** Read-only requests that tell a TiCDC server from anything else; a {@link BadTarget} if it is not one. */
    public static void probe(Target target) {
        Probe.check(target);
    }

    /** The run's results; a target that is not TiCDC is a {@link BadTarget} before anything is sent but reads. */
    public Run run(List<Case> cases, Consumer<CaseResult> each) {
        Probe.check(target);
        List<CaseResult> results = new ArrayList<>();
        try {
            for (Case k : cases) {
                CaseResult r = k.runsOn(profile)
                        ? runOne(k)
                        : new CaseResult(k, CaseResult.Outcome.SKIPPED, "not in profile " + profile.name(), 0, List.of());
                results.add(r);
                each.accept(r);
            }
        } finally {
            sweep();
        }
        return new Run(target.url(), profile, results);
    }

    private CaseResult runOne(Case k) {
        Ctx ctx = new Ctx(target, profile, names, pdAddrs);
        long start = System.nanoTime();
        CaseResult.Outcome outcome = CaseResult.Outcome.PASSED;
        String message = null;
        try {
            k.body().run(ctx);
        } catch (CaseFailure | BadTarget e) {
            outcome = CaseResult.Outcome.FAILED;
            message = e.getMessage();
        } catch (RuntimeException e) { // an answer without a field the case reads
            outcome = CaseResult.Outcome.FAILED;
            message = ctx.lastAnswer();
        } finally {
            for (String id : ctx.created()) remove(id);
        }
        return new CaseResult(k, outcome, message, (System.nanoTime() - start) / 1_000_000, List.copyOf(ctx.transcript()));
    }

    private void remove(String id) {
        try {
            target.send("DELETE", "/api/v2/changefeeds/" + id, null);
        } catch (BadTarget e) {
            // the target went away; the sweep tries again and the case already failed
        }
    }

    /** Deletes whatever this run left behind (only names with this run's prefix). */
    private void sweep() {
        try {
            Reply list = target.send("GET", "/api/v2/changefeeds", null);
            JsonNode items = Ctx.JSON.readTree(list.body()).path("items");
            for (JsonNode item : items) {
                String id = item.path("id").asText();
                if (id.startsWith(names.runPrefix())) remove(id);
            }
        } catch (BadTarget | java.io.IOException e) {
            // nothing more can be done; every case already tried to remove its own
        }
    }

    /** One run: the target, the profile expected, each case's result. */
    public record Run(String target, Profile profile, List<CaseResult> results) {
        public long count(CaseResult.Outcome o) {
            return results.stream().filter(r -> r.outcome() == o).count();
        }

        /** {@code N passed, M failed} (and skipped ones, if any). */
        public String summary() {
            long skipped = count(CaseResult.Outcome.SKIPPED);
            return count(CaseResult.Outcome.PASSED) + " passed, " + count(CaseResult.Outcome.FAILED) + " failed"
                    + (skipped > 0 ? ", " + skipped + " skipped" : "");
        }

        public boolean passed() {
            return count(CaseResult.Outcome.FAILED) == 0;
        }
    }
}
