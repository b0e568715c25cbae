package io.faketicdc.bench.suites;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code @TiCdcFake}: a fresh fake for every test. */
@TiCdcFake
class TiCdcFakeSuite {
    @ParameterizedTest
    @MethodSource("io.faketicdc.bench.suites.SuiteSupport#tests")
    void oneGet(int i, FakeTiCdc fake) throws Exception {
        SuiteSupport.get(fake.baseUrl() + "/api/v2/changefeeds");
    }
}
