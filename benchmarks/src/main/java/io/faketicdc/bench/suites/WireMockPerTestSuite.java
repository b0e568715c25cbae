package io.faketicdc.bench.suites;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.faketicdc.bench.Servers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Extra: WireMockExtension in an instance field, a fresh WireMock server for every test (what @TiCdcFake does). */
class WireMockPerTestSuite {
    private static final String JSON = Servers.changefeedJson();

    @RegisterExtension
    WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @ParameterizedTest
    @MethodSource("io.faketicdc.bench.suites.SuiteSupport#tests")
    void oneGet(int i) throws Exception {
        wm.stubFor(get(urlPathEqualTo("/api/v2/changefeeds")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(JSON)));
        SuiteSupport.get(wm.baseUrl() + "/api/v2/changefeeds");
    }
}
