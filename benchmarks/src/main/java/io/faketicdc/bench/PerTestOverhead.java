package io.faketicdc.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.faketicdc.bench.suites.SuiteSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * (a) Per-test overhead inside a real JUnit suite: each suite is N tests of one GET, run through the
 * JUnit Platform Launcher in this JVM, after a warm-up round of every suite. Overhead = wall time
 * per test minus the no-server baseline's.
 */
public final class PerTestOverhead {
    record Suite(String label, String className) { }

    static final Suite BASELINE = new Suite("no server (baseline)", "io.faketicdc.bench.suites.NoServerSuite");
    static final Suite FAKE = new Suite("@TiCdcFake (fake per test)", "io.faketicdc.bench.suites.TiCdcFakeSuite");
    static final Suite MWS = new Suite("MockWebServer @StartStop (server per test)", "io.faketicdc.bench.suites.MockWebServerSuite");
    static final Suite WM = new Suite("WireMock @WireMockTest (server per class, reset per test)", "io.faketicdc.bench.suites.WireMockTestSuite");
    static final Suite WM_PER_TEST = new Suite("WireMockExtension instance field (server per test)", "io.faketicdc.bench.suites.WireMockPerTestSuite");
    static final Suite FAKE_SHARED = new Suite("static TiCdcFakeExtension (fake per class, reset per test)", "io.faketicdc.bench.suites.TiCdcFakeSharedSuite");

    /** Wall time per test and the per-test durations the listener saw. */
    record Run(double wallPerTestNanos, long[] sortedTestNanos, int failed) { }

    public static void run(Report report) throws Exception {
        int tests = Bench.scaled("bench.a.tests", 1000);
        int warmup = Bench.scaled("bench.a.warmupTests", 300);
        int rounds = Integer.getInteger("bench.a.rounds", 3);
        List<Suite> suites = List.of(BASELINE, FAKE, MWS, WM, WM_PER_TEST, FAKE_SHARED);
        Launcher launcher = LauncherFactory.create();
        // the baseline's one server, started once: a bare Javalin answering GET /api/v2/changefeeds
        try (Servers.Running shared = Servers.javalinAt("/api/v2/changefeeds", Servers.changefeedJson())) {
            System.setProperty(SuiteSupport.BASELINE_URL, shared.baseUrl());
            Bench.log("(a) warm-up: %d tests of each suite", warmup);
            for (Suite s : suites) launch(launcher, s, warmup);
            Map<Suite, List<Run>> runs = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (Suite s : suites) {
                    Run r = launch(launcher, s, tests);
                    runs.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
                    Bench.log("(a) round %d %-60s %d tests: %.3f ms/test wall, per-test p50 %.3f ms p90 %.3f ms%s",
                            round, s.label(), tests, r.wallPerTestNanos() / 1e6,
                            Bench.percentile(r.sortedTestNanos(), 50) / 1e6, Bench.percentile(r.sortedTestNanos(), 90) / 1e6,
                            r.failed() > 0 ? " FAILED: " + r.failed() : "");
                }
            }
            Map<Suite, Double> wall = new LinkedHashMap<>();
            Map<Suite, Double> p50 = new LinkedHashMap<>();
            for (var e : runs.entrySet()) {
                double[] w = e.getValue().stream().mapToDouble(Run::wallPerTestNanos).toArray();
                double[] m = e.getValue().stream().mapToDouble(r -> Bench.percentile(r.sortedTestNanos(), 50)).toArray();
                wall.put(e.getKey(), Bench.median(w));
                p50.put(e.getKey(), Bench.median(m));
                List<Run> rs = e.getValue();
                StringBuilder spread = new StringBuilder();
                for (Run r : rs) {
                    spread.append(Bench.f(" [wall %.3f, p10 %.3f, p50 %.3f, p90 %.3f, p99 %.3f]", r.wallPerTestNanos() / 1e6,
                            Bench.percentile(r.sortedTestNanos(), 10) / 1e6, Bench.percentile(r.sortedTestNanos(), 50) / 1e6,
                            Bench.percentile(r.sortedTestNanos(), 90) / 1e6, Bench.percentile(r.sortedTestNanos(), 99) / 1e6));
                }
                report.detail(Bench.f("(a) %s, %d rounds x %d tests, ms per test:%s", e.getKey().label(), rs.size(), tests, spread));
            }
            double base = wall.get(BASELINE);
            double baseP50 = p50.get(BASELINE);
            double fake = wall.get(FAKE) - base;
            double mws = wall.get(MWS) - base;
            double wm = wall.get(WM) - base;
            double wmPerTest = wall.get(WM_PER_TEST) - base;
            double fakeShared = wall.get(FAKE_SHARED) - base;
            Map<String, Double> peers = new LinkedHashMap<>();
            peers.put(MWS.label(), mws / 1e6);
            peers.put(WM.label(), wm / 1e6);
            peers.put(WM_PER_TEST.label(), wmPerTest / 1e6);
            report.row("(a)", "per-test overhead, @TiCdcFake (wall/test - baseline " + Bench.f("%.3f", base / 1e6) + " ms)",
                    "ms", true, fake / 1e6, peers, null);
            Map<String, Double> sharedPeers = new LinkedHashMap<>();
            sharedPeers.put(WM.label(), wm / 1e6);
            report.row("(a)", "per-test overhead, static TiCdcFakeExtension (reset per test)", "ms", true,
                    fakeShared / 1e6, sharedPeers, null);
            Map<String, Double> p50Peers = new LinkedHashMap<>();
            p50Peers.put(MWS.label(), (p50.get(MWS) - baseP50) / 1e6);
            p50Peers.put(WM.label(), (p50.get(WM) - baseP50) / 1e6);
            p50Peers.put(WM_PER_TEST.label(), (p50.get(WM_PER_TEST) - baseP50) / 1e6);
            report.row("(a)", "per-test overhead, @TiCdcFake, by per-test median", "ms", true,
                    (p50.get(FAKE) - baseP50) / 1e6, p50Peers, null);
            report.target("(a) @TiCdcFake per-test overhead <= MockWebServer @StartStop",
                    Bench.f("%.3f ms vs %.3f ms", fake / 1e6, mws / 1e6), "<= 1.0x MockWebServer", fake <= mws);
            report.target("(a) @TiCdcFake per-test overhead <= 0.5 x WireMock @WireMockTest",
                    Bench.f("%.3f ms vs %.3f ms%s", fake / 1e6, wm / 1e6,
                            wm <= 0 ? " (WireMock's is below the baseline's noise)" : Bench.f(" (%.2fx)", fake / wm)),
                    "<= 0.5x WireMock", fake <= 0.5 * wm);
            report.target("(a) extra: @TiCdcFake vs a WireMock server per test (instance WireMockExtension)",
                    Bench.f("%.3f ms vs %.3f ms (%.2fx)", fake / 1e6, wmPerTest / 1e6, fake / wmPerTest),
                    "<= 0.5x WireMock", fake <= 0.5 * wmPerTest);
        } finally {
            System.clearProperty(SuiteSupport.BASELINE_URL);
        }
    }

    static Run launch(Launcher launcher, Suite suite, int tests) throws ClassNotFoundException {
        System.setProperty(SuiteSupport.TESTS, Integer.toString(tests));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(suite.className()))).build();
        Map<String, Long> started = new ConcurrentHashMap<>();
        List<Long> durations = new ArrayList<>(tests);
        int[] failed = {0};
        List<Throwable> firstFailure = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) started.put(id.getUniqueId(), System.nanoTime());
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failed[0]++;
                    if (firstFailure.isEmpty()) result.getThrowable().ifPresent(firstFailure::add);
                }
                if (id.isTest()) {
                    Long t0 = started.remove(id.getUniqueId());
                    if (t0 != null) synchronized (durations) { durations.add(System.nanoTime() - t0); }
                }
            }
        };
        long t0 = System.nanoTime();
        launcher.execute(request, listener);
        long wall = System.nanoTime() - t0;
        if (!firstFailure.isEmpty()) {
            Bench.log("(a) %s: first failure: %s", suite.label(), firstFailure.get(0));
        }
        if (durations.size() != tests) {
            Bench.log("(a) %s: expected %d tests, saw %d", suite.label(), tests, durations.size());
        }
        long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Run((double) wall / Math.max(1, tests), sorted, failed[0]);
    }
}
