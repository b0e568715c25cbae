package io.faketicdc.standalone;

import io.faketicdc.Profile;
import io.faketicdc.standalone.verify.BadTarget;
import io.faketicdc.standalone.verify.Case;
import io.faketicdc.standalone.verify.CaseResult;
import io.faketicdc.standalone.verify.Cases;
import io.faketicdc.standalone.verify.Diff;
import io.faketicdc.standalone.verify.Kit;
import io.faketicdc.standalone.verify.Reports;
import io.faketicdc.standalone.verify.RunNames;
import io.faketicdc.standalone.verify.Selection;
import io.faketicdc.standalone.verify.Target;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fake-ticdc verify --target URL}: runs the conformance kit (io.faketicdc.standalone.verify)
 * against a TiCDC server, real or fake. Exit status 0 when every case passed, 1 when one failed,
 * 2 when the target or the options are wrong.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = "Runs the conformance kit against a TiCDC server (real or fake): one line per case, then "
                + "'N passed, M failed'. Changefeeds it creates are named fake-ticdc-verify-*, use blackhole://, and are removed.")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--target", paramLabel = "URL", description = "the TiCDC server, e.g. http://127.0.0.1:8300 (required but with --list)")
    String target;
    @Option(names = "--against", paramLabel = "URL", description = "a second server: run the same cases on both and print the differences")
    String against;
    @Option(names = "--profile", defaultValue = "master", paramLabel = "PROFILE", description = "the TiCDC the answers are "
            + "expected from, spelled as the server's --profile (default: ${DEFAULT-VALUE})")
    String profile;
    @Option(names = "--only", split = ",", paramLabel = "TAG|WORDS", description = "run only cases with this tag (read-only, changes, "
            + "status, captures, lists, errors, lifecycle, v1, disruptive) or these words in their name (repeatable)")
    List<String> only = new ArrayList<>();
    @Option(names = "--include-disruptive", description = "also run the cases that touch a capture (resign the owner)")
    boolean includeDisruptive;
    @Option(names = "--user", paramLabel = "NAME:PASSWORD", description = "Basic credentials for the target (and --against)")
    String user;
    @Option(names = "--against-user", paramLabel = "NAME:PASSWORD", description = "Basic credentials for --against, if they differ")
    String againstUser;
    @Option(names = {"--pd-addrs", "--pd-addr"}, paramLabel = "URL[,URL]", split = ",", description = "pd_addrs for the changefeeds the kit creates (comma-separated or repeated, as the server's --pd-addrs; default: the server's own upstream)")
    List<String> pdAddrs = new ArrayList<>();
    @Option(names = "--report-json", paramLabel = "FILE", description = "write the results as JSON")
    Path reportJson;
    @Option(names = "--report-junit", paramLabel = "FILE", description = "write the results as JUnit XML")
    Path reportJunit;
    @Option(names = "--list", description = "list the cases that run on --profile (tags, name, upstream source) and exit")
    boolean list;

    private final PrintStream out;
    private final PrintStream err;

    VerifyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        try {
            Profile p = parseProfile();
            List<Case> cases = new Selection(only, includeDisruptive).apply(Cases.all());
            if (list) {
                for (Case c : cases) {
                    if (c.runsOn(p)) out.println(String.join(",", c.tags()) + "  " + c.name() + "  (" + c.source() + ")");
                }
                return 0;
            }
            if (target == null) throw new IllegalArgumentException("--target URL is required (the TiCDC server to check)");
            Target t = Target.of(target, user);
            if (against != null) {
                Target a = Target.of(against, againstUser != null ? againstUser : user);
                return compare(t, a, p, cases);
            }
            Kit.Run run = new Kit(t, p, new RunNames(RunNames.randomRunId()), pdAddrs).run(cases, r -> out.println(r.line()));
            out.println(run.summary());
            if (reportJson != null) write(reportJson, Reports.json(run));
            if (reportJunit != null) write(reportJunit, Reports.junit(run));
            return run.passed() ? 0 : 1;
        } catch (BadTarget | IllegalArgumentException e) {
            err.println("fake-ticdc verify: " + e.getMessage());
            return 2;
        }
    }

    /** Runs the cases on both with the same changefeed names, then prints the differences: 0 when there are none. */
    private int compare(Target a, Target b, Profile p, List<Case> cases) {
        if (a.url().equals(b.url())) throw new IllegalArgumentException("--target and --against are the same server (" + a.url() + ")");
        Kit.probe(b); // both are TiCDC before anything is created on either
        String runId = RunNames.randomRunId();
        Kit.Run ra = new Kit(a, p, new RunNames(runId), pdAddrs).run(cases, r -> { });
        out.println("A " + ra.target() + ": " + ra.summary());
        Kit.Run rb = new Kit(b, p, new RunNames(runId), pdAddrs).run(cases, r -> { });
        out.println("B " + rb.target() + ": " + rb.summary());
        List<Diff.Difference> diffs = Diff.of(ra, rb, new RunNames(runId).runPrefix());
        Diff.lines(diffs).forEach(out::println);
        long differing = diffs.stream().map(Diff.Difference::caseName).distinct().count();
        out.println(diffs.isEmpty() ? "no differences" : diffs.size() + " differences in " + differing + " of "
                + (ra.results().size() - ra.count(CaseResult.Outcome.SKIPPED)) + " cases");
        if (reportJson != null) write(reportJson, Reports.json(ra, rb, diffs));
        if (reportJunit != null) write(reportJunit, Reports.junit(ra, rb, diffs));
        return diffs.isEmpty() ? 0 : 1;
    }

    private Profile parseProfile() {
        try {
            return Profile.parse(profile);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--profile: " + e.getMessage());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the report " + file + " (does its folder exist and is it writable?)");
        }
    }
}
