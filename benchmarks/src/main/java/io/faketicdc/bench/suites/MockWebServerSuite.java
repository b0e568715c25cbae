package io.faketicdc.bench.suites;

import io.faketicdc.bench.Servers;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** MockWebServer's {@code @StartStop} on an instance field: a fresh server for every test. */
class MockWebServerSuite {
    private static final String JSON = Servers.changefeedJson();

    @StartStop
    final MockWebServer server = new MockWebServer();

    @ParameterizedTest
    @MethodSource("io.faketicdc.bench.suites.SuiteSupport#tests")
    void oneGet(int i) throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json; charset=utf-8")
                .body(JSON).build());
        SuiteSupport.get(server.url("/api/v2/changefeeds").toString());
    }
}
