package io.faketicdc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.SinkCheck;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @TiCdcFake(sinkCheck = DIAL)}: creates connect to their sink's host as the real server does. */
class SinkCheckAttributeTest {

    @Test
    void theAnnotationTurnsDialingOn() {
        EngineExecutionResults results = Kit.run(Dialing.class);
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Example
    @TiCdcFake(sinkCheck = SinkCheck.DIAL)
    static class Dialing {
        @Test
        void aSinkNobodyListensOnIsRefused(FakeTiCdc fake) throws Exception {
            int closed;
            try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                closed = s.getLocalPort();
            }
            assertThat(fake.config().sinkCheck()).isEqualTo(SinkCheck.DIAL);
            String body = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"mysql://127.0.0.1:" + closed + "/\"}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(fake.baseUrl() + "/api/v2/changefeeds")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("CDC:ErrMySQLConnectionError");
        }
    }
}
