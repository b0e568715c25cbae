package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "Request journal" example, compiled and run (ReadmeSnippetsTest checks the README copy). */
class ReadmeJournalExampleTest {

    @Test
    void theReadmeExampleRuns() throws Exception {
        // snippet:journal
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.seed(7)).start()) {
            HttpClient http = HttpClient.newHttpClient();
            http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/changefeeds"))
                    .POST(BodyPublishers.ofString("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}"))
                    .build(), BodyHandlers.ofString());
            http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/changefeeds/cf1/pause"))
                    .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());

            RecordedRequest pause = fake.requests()
                    .await("POST", "/api/v2/changefeeds/:changefeed_id/pause", Duration.ofSeconds(5));
            assertThat(pause.status()).isEqualTo(200);
            assertThat(fake.requests().count("POST", "/api/v2/changefeeds")).isEqualTo(1);
            assertThat(fake.requests().last().operation()).isEqualTo("pause changefeed");
            System.out.println(fake.requests().describe());
            // #1 POST /api/v2/changefeeds -> 200 (create changefeed)
            // #2 POST /api/v2/changefeeds/cf1/pause -> 200 (pause changefeed)
        }
        // end-snippet
    }
}
