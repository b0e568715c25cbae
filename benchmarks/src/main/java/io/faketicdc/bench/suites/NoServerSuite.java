package io.faketicdc.bench.suites;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baseline: no server per test. The one GET goes to a server the runner started once, outside
 * the suite, so the baseline holds JUnit's own per-test cost plus one request.
 */
class NoServerSuite {
    @ParameterizedTest
    @MethodSource("io.faketicdc.bench.suites.SuiteSupport#tests")
    void oneGet(int i) throws Exception {
        SuiteSupport.get(System.getProperty(SuiteSupport.BASELINE_URL) + "/api/v2/changefeeds");
    }
}
