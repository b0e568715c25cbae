package io.faketicdc.bench.suites;

import io.faketicdc.junit.TiCdcFakeExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Extra: a static {@code TiCdcFakeExtension}, one fake per class, reset before each test (like @WireMockTest). */
class TiCdcFakeSharedSuite {
    @RegisterExtension
    static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().build();

    @ParameterizedTest
    @MethodSource("io.faketicdc.bench.suites.SuiteSupport#tests")
    void oneGet(int i) throws Exception {
        SuiteSupport.get(ticdc.baseUrl() + "/api/v2/changefeeds");
    }
}
