package io.faketicdc.bench.suites;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.faketicdc.bench.Servers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WireMock's {@code @WireMockTest}: as WireMock implements it, one server for the class (started in
 * beforeAll), its stubs and journal reset before each test.
 */
@WireMockTest
class WireMockTestSuite {
    private static final String JSON = Servers.changefeedJson();

    @ParameterizedTest
    @MethodSource("io.faketicdc.bench.suites.SuiteSupport#tests")
    void oneGet(int i, WireMockRuntimeInfo wm) throws Exception {
        stubFor(get(urlPathEqualTo("/api/v2/changefeeds")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(JSON)));
        SuiteSupport.get(wm.getHttpBaseUrl() + "/api/v2/changefeeds");
    }
}
