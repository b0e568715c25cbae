package io.faketicdc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @TiCdcFake(clientUserRequired = true, users = ...)}: the fake asks for credentials as the real server does. */
class CredentialsAttributeTest {

    @Test
    void theAnnotationTurnsClientAuthenticationOn() {
        EngineExecutionResults results = Kit.run(WithCredentials.class);
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void aUserWithoutAPasswordIsAConfigurationError() {
        EngineExecutionResults results = Kit.run(BadUser.class);
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable error = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(error).hasMessageContaining("@TiCdcFake(users): expected NAME:PASSWORD, got 'root'");
    }

    @Example
    @TiCdcFake(clientUserRequired = true, users = "root:secret")
    static class WithCredentials {
        @Test
        void createNeedsCredentials(FakeTiCdc fake) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}";
            HttpRequest.Builder create = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/changefeeds"))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            assertThat(http.send(create.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            String basic = Base64.getEncoder().encodeToString("root:secret".getBytes(StandardCharsets.UTF_8));
            assertThat(http.send(create.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
        }
    }

    @Example
    @TiCdcFake(clientUserRequired = true, users = "root")
    static class BadUser {
        @Test
        void neverRuns(FakeTiCdc fake) {
        }
    }
}
