package io.faketicdc.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code fake-ticdc verify} through the CLI entry point, against embedded fakes. */
class VerifyCommandTest {
    record Result(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Result verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String cli(Profile p) {
        return p.name().toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void the_fake_passes_its_kit_through_the_cli_with_one_line_per_case_a_summary_and_well_formed_reports(Profile profile,
            @TempDir Path dir) throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.profile(profile)).start()) {
            Path json = dir.resolve("report.json");
            Path junit = dir.resolve("report.xml");
            Result r = verify("--target", fake.baseUrl(), "--profile", cli(profile), "--report-json", json.toString(),
                    "--report-junit", junit.toString());
            assertThat(r.status()).as(r.out() + r.err()).isZero();
            assertThat(r.err()).isEmpty();
            List<String> lines = r.lines();
            String summary = lines.get(lines.size() - 1);
            assertThat(summary).matches("\\d+ passed, 0 failed(, \\d+ skipped)?");
            assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(l -> assertThat(l).matches("(PASS|SKIP)  .+"));

            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
            Element suite = doc.getDocumentElement();
            assertThat(suite.getTagName()).isEqualTo("testsuite");
            NodeList cases = suite.getElementsByTagName("testcase");
            assertThat(cases.getLength()).isEqualTo(lines.size() - 1).isEqualTo(Integer.parseInt(suite.getAttribute("tests")));
            assertThat(suite.getAttribute("failures")).isEqualTo("0");
            assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(Integer.parseInt(suite.getAttribute("skipped")));

            var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
            assertThat(report.get("failed").asInt()).isZero();
            assertThat(report.get("cases")).hasSize(lines.size() - 1);
            assertThat(report.get("cases").get(0).get("source").asText()).startsWith("pingcap/tiflow ");
            assertThat(fake.changefeeds()).isEmpty();
        }
    }

    @Test
    void a_server_that_answers_differently_fails_with_the_reason_on_the_case_line_and_exit_status_1(@TempDir Path dir) throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.profile(Profile.V7_3)).start()) {
            Path junit = dir.resolve("report.xml");
            Result r = verify("--target", fake.baseUrl(), "--profile", "master", "--only", "synced", "--report-junit", junit.toString());
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.lines()).contains("2 passed, 0 failed".replace("2 passed, 0", "0 passed, 2"));
            assertThat(r.out()).contains("FAIL  the synced route is served where the profile has it, else gin's 404: GET /api/v2/changefeeds/"
                    + "fake-ticdc-verify-");
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
            assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
        }
    }

    @Test
    void a_diff_of_master_against_v7_3_reports_exactly_the_profiles_known_differences(@TempDir Path dir) throws Exception {
        try (FakeTiCdc a = FakeTiCdc.create(c -> c.profile(Profile.MASTER)).start();
                FakeTiCdc b = FakeTiCdc.create(c -> c.profile(Profile.V7_3)).start()) {
            Path junit = dir.resolve("diff.xml");
            Path json = dir.resolve("diff.json");
            Result r = verify("--target", a.baseUrl(), "--against", b.baseUrl(), "--report-junit", junit.toString(), "--report-json", json.toString());
            assertThat(r.status()).as(r.err()).isEqualTo(1);
            List<String> firstLines = r.out().lines().filter(l -> l.startsWith("DIFF  ") || l.startsWith("      also in: "))
                    .map(l -> l.replaceFirst("^DIFF  |^      also in: ", "")).toList();
            List<String> steps = r.out().lines().filter(l -> l.matches("      (GET|POST|PUT|DELETE) .*")).map(String::strip).toList();
            String create = "a blackhole changefeed is created: compact, Go's field order, sink_uri blackhole:, uint64 TSOs, omit-empty";
            assertThat(firstLines).containsExactly(
                    // gin's 404 where v7.3 has no synced route
                    "the synced route is served where the profile has it, else gin's 404",
                    // the default replica config, in every answer that carries it
                    create,
                    "a new changefeed carries the profile's default replica config (with the kit's filter), in Go's key order",
                    "a created changefeed reads back normal, with its status and a place in the list",
                    "creating an ID that exists is 500 ErrChangeFeedAlreadyExists",
                    "a running changefeed refuses an update: 400 ErrChangefeedUpdateRefused",
                    "pause answers {}, the changefeed is stopped and listed under state=stopped",
                    "a paused changefeed takes an update, answering the new config and admin_job_type 1",
                    "resume answers {} and brings a paused changefeed back to normal",
                    "delete answers {} and the changefeed is gone",
                    "Go's HTML escaping: an & in a sink URI comes back as \\u0026",
                    "meta_info shows the sink URI as it was given",
                    "the synced status names the sink checkpoint, puller resolved ts, last synced ts, now and info",
                    "the processor of a running changefeed on each capture lists its table IDs, compact",
                    "the processor on an unknown capture is 400 ErrCaptureNotExist",
                    "a stopped changefeed has no processors: 400 with the real message, typo included",
                    "a v1 get shows the changefeed indented, in v1's field order",
                    "the v1 list shows a v2 changefeed with v1's list fields",
                    "v1 pause, resume and delete answer 202 with an empty body",
                    // v7.3 trims a blackhole changefeed's config on read
                    "a created changefeed reads back normal, with its status and a place in the list",
                    "a v1 create answers 202 with an empty body and v2 reads the changefeed",
                    "a paused changefeed takes an update, answering the new config and admin_job_type 1",
                    "meta_info shows the sink URI as it was given",
                    "the synced status names the sink checkpoint, puller resolved ts, last synced ts, now and info",
                    "a start_ts ahead of the current TSO is refused where the profile checks it");
            assertThat(steps).containsExactly("GET /api/v2/changefeeds/<feed>/synced", "POST /api/v2/changefeeds",
                    "GET /api/v2/changefeeds/<feed>", "PUT /api/v2/changefeeds/<feed>", "GET /api/v2/changefeeds/<feed>/meta_info",
                    "GET /api/v2/changefeeds/<feed>/synced", "POST /api/v2/changefeeds");
            assertThat(r.out()).contains("config.case_sensitive: A false, B true", "status: A 400, B 404", "status: A 400, B 200");
            assertThat(r.out()).doesNotContain(Profile.MASTER.defaultVersion(), Profile.V7_3.defaultVersion(), "git_hash", "pid", "address");
            long differing = firstLines.stream().distinct().count();
            assertThat(r.lines()).last().isEqualTo(firstLines.size() + " differences in " + differing + " of "
                    + r.out().lines().filter(l -> l.startsWith("A ")).findFirst().orElseThrow().replaceAll(".*: (\\d+) passed, 0 failed.*", "$1") + " cases");
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
            assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo(String.valueOf(differing));
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("differences")).hasSize(firstLines.size());
            assertThat(a.changefeeds()).isEmpty();
            assertThat(b.changefeeds()).isEmpty();
        }
    }

    @Test
    void a_diff_of_master_against_newarch_reports_exactly_the_new_architectures_known_differences(@TempDir Path dir) throws Exception {
        try (FakeTiCdc a = FakeTiCdc.create(c -> c.profile(Profile.MASTER)).start();
                FakeTiCdc b = FakeTiCdc.create(c -> c.profile(Profile.NEWARCH)).start()) {
            Path json = dir.resolve("diff.json");
            Result r = verify("--target", a.baseUrl(), "--against", b.baseUrl(), "--report-json", json.toString());
            assertThat(r.status()).as(r.err()).isEqualTo(1);
            List<String> firstLines = r.out().lines().filter(l -> l.startsWith("DIFF  ") || l.startsWith("      also in: "))
                    .map(l -> l.replaceFirst("^DIFF  |^      also in: ", "")).toList();
            List<String> steps = r.out().lines().filter(l -> l.matches("      (GET|POST|PUT|DELETE) .*")).map(String::strip).toList();
            String create = "a blackhole changefeed is created: compact, Go's field order, sink_uri blackhole:, uint64 TSOs, omit-empty";
            String readBack = "a created changefeed reads back normal, with its status and a place in the list";
            String duplicate = "creating an ID that exists is 500 ErrChangeFeedAlreadyExists";
            String pause = "pause answers {}, the changefeed is stopped and listed under state=stopped";
            String update = "a paused changefeed takes an update, answering the new config and admin_job_type 1";
            String metaInfo = "meta_info shows the sink URI as it was given";
            String running = "the processor of a running changefeed on each capture lists its table IDs, compact";
            String unknownCapture = "the processor on an unknown capture is 400 ErrCaptureNotExist";
            String stopped = "a stopped changefeed has no processors: 400 with the real message, typo included";
            String v1Create = "a v1 create answers 202 with an empty body and v2 reads the changefeed";
            String v1Get = "a v1 get shows the changefeed indented, in v1's field order";
            String v1List = "the v1 list shows a v2 changefeed with v1's list fields";
            String v1Steps = "v1 pause, resume and delete answer 202 with an empty body";
            String v1Captures = "v1 captures are the v2 captures as an indented bare array";
            assertThat(firstLines).containsExactly(
                    // v1 is a shim over v2: v2's bodies, compact, 200 or 202 (pingcap/ticdc api/v1/api.go, api/v2/helper.go)
                    "v1 health answers 200 with an empty body", v1Captures, v1Captures,
                    // the root /status is the v2 status (pingcap/ticdc api/v2/api.go)
                    "the root /status is the legacy status: one-space indent, no cluster_id or liveness",
                    // an unknown changefeed's delete answers null, v1 included
                    "deleting an unknown changefeed answers 200 with {}",
                    "a v1 delete of an unknown changefeed is 400 ErrChangeFeedNotExists",
                    // the ID pattern in the message; processors are stubs
                    "a create with an invalid changefeed_id is 400 ErrAPIInvalidParam",
                    "a processor asked with an invalid capture_id is 400 ErrAPIInvalidParam",
                    // keyspace for namespace and the new default replica config, in every answer that carries a changefeed
                    create,
                    "a new changefeed carries the profile's default replica config (with the kit's filter), in Go's key order",
                    readBack, duplicate,
                    "a running changefeed refuses an update: 400 ErrChangefeedUpdateRefused",
                    pause, update,
                    "resume answers {} and brings a paused changefeed back to normal",
                    "delete answers {} and the changefeed is gone",
                    "Go's HTML escaping: an & in a sink URI comes back as \\u0026",
                    metaInfo,
                    "the synced status names the sink checkpoint, puller resolved ts, last synced ts, now and info",
                    running, unknownCapture, stopped, v1Get, v1List, v1Steps,
                    // the rest of each case: detail and list with keyspace, a duplicate is a 400, no meta_info route,
                    // processor stubs, v1 answers with v2's bodies
                    readBack, readBack, duplicate, pause, update, metaInfo, running, unknownCapture, stopped,
                    v1Create, v1Create, v1Get, v1List, v1Steps, v1Steps);
            assertThat(steps).containsExactly("GET /api/v1/health", "GET /api/v1/captures", "GET /status",
                    "DELETE /api/v2/changefeeds/<feed>", "DELETE /api/v1/changefeeds/<feed>", "POST /api/v2/changefeeds",
                    "GET /api/v2/processors/<feed>/bad_id", "POST /api/v2/changefeeds", "GET /api/v2/changefeeds/<feed>",
                    "GET /api/v2/changefeeds", "POST /api/v2/changefeeds", "GET /api/v2/changefeeds?state=stopped",
                    "PUT /api/v2/changefeeds/<feed>", "GET /api/v2/changefeeds/<feed>/meta_info", "GET /api/v2/processors/<feed>/<id>",
                    "GET /api/v2/processors/<feed>/<id>", "GET /api/v2/processors/<feed>/<id>", "POST /api/v1/changefeeds",
                    "GET /api/v1/changefeeds/<feed>", "GET /api/v1/changefeeds", "POST /api/v1/changefeeds/<feed>/pause");
            assertThat(r.out()).contains("namespace: only A has it (\"default\")", "items[0].keyspace: only B has it (\"default\")",
                    "config.scheduler.region_threshold: A 100000, B 10000", "status: A 500, B 400", "body: A {} | B null",
                    "status: A 200, B 404", "gid: only B has it", "table_ids: A [], B null");
            assertThat(r.out()).doesNotContain(Profile.MASTER.defaultVersion(), Profile.NEWARCH.defaultVersion(), "git_hash", "pid");
            String[] summaries = r.out().lines().filter(l -> l.matches("[AB] .*")).toArray(String[]::new);
            assertThat(summaries[0]).endsWith(": 52 passed, 0 failed, 15 skipped");
            assertThat(summaries[1]).endsWith(": 33 passed, 19 failed, 15 skipped");
            assertThat(r.lines()).last().isEqualTo(firstLines.size() + " differences in " + firstLines.stream().distinct().count() + " of 52 cases");
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("differences")).hasSize(firstLines.size());
            assertThat(a.changefeeds()).isEmpty();
            assertThat(b.changefeeds()).isEmpty();
        }
    }

    @Test
    void with_user_the_kit_passes_a_server_that_requires_credentials_and_without_it_the_changes_are_refused() {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.user("root", "secret").clientUserRequired(true)).start()) {
            Result ok = verify("--target", fake.baseUrl(), "--user", "root:secret");
            assertThat(ok.status()).as(ok.out()).isZero();
            Result refused = verify("--target", fake.baseUrl(), "--only", "lifecycle");
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.out()).contains("POST /api/v2/changefeeds: expected status 200, got 401");
            assertThat(fake.changefeeds()).isEmpty();
        }
    }

    @Test
    void pd_addrs_as_the_server_takes_them_reach_the_creates_and_a_foreign_pd_is_refused_there() {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.pdAddrs("http://127.0.0.1:2379", "http://127.0.0.1:2479")).start()) {
            Result own = verify("--target", fake.baseUrl(), "--only", "lifecycle", "--pd-addrs", "http://127.0.0.1:2479,http://127.0.0.1:2379");
            assertThat(own.status()).as(own.out()).isZero();
            Result foreign = verify("--target", fake.baseUrl(), "--only", "lifecycle", "--pd-addr", "http://127.0.0.1:1");
            assertThat(foreign.status()).isEqualTo(1);
            assertThat(foreign.out()).contains("POST /api/v2/changefeeds: expected status 200, got 500");
            assertThat(fake.changefeeds()).isEmpty();
        }
    }

    @Test
    void two_servers_of_the_same_profile_show_no_differences_though_ids_ports_times_and_pids_differ() {
        try (FakeTiCdc a = FakeTiCdc.create(c -> c.seed(1)).start(); FakeTiCdc b = FakeTiCdc.create(c -> c.seed(2).serverVersion("v8.5.1")).start()) {
            Result r = verify("--target", a.baseUrl(), "--against", b.baseUrl(), "--include-disruptive");
            assertThat(r.status()).as(r.out()).isZero();
            assertThat(r.lines()).last().isEqualTo("no differences");
        }
    }
}
