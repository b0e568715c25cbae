package io.faketicdc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "Fault injection" example, compiled and run (ReadmeSnippetsTest checks the README copy). */
class ReadmeFaultsExampleTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theReadmeExampleRuns() throws Exception {
        // snippet:faults
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.seed(7).captures(3)).start()) {
            // the first two creates fail as if etcd timed out; the third goes through
            FaultHandle etcd = fake.faults().add(FaultRule.on("create changefeed")
                    .respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out"))
                    .firstN(2));
            // a pause that commits, but whose connection is reset before the client hears back
            fake.faults().add(FaultRule.on("POST /api/v2/changefeeds/:changefeed_id/pause")
                    .afterCommit().respond(Effect.reset()));
            // status calls wait 50-500 ms (drawn from the seed: the same delays every run)
            fake.faults().add(FaultRule.on("GET /api/v2/status")
                    .respond(Effect.delay(Latency.uniform(Duration.ofMillis(50), Duration.ofMillis(500)))));
            // resigning does not move the owner; capture 2 is cut off (its port refuses)
            fake.faults().stickyOwner(true);
            fake.faults().partition(2);

            HttpRequest create = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/changefeeds"))
                    .POST(BodyPublishers.ofString("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}"))
                    .build();
            HttpResponse<String> r = http.send(create, BodyHandlers.ofString());
            // 500 {"error_msg": "[CDC:ErrEtcdTryAgain]etcdserver: request timed out", "error_code": ...}
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(fake.requests().last().fault()).isEqualTo(etcd.id());
            assertThat(fake.requests().last().faultEffect()).isEqualTo("error");

            etcd.remove(); // or fake.faults().clear(), or fake.reset()
            assertThat(http.send(create, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        // end-snippet
    }
}
