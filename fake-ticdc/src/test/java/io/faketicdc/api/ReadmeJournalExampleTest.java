package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Request journal" example, compiled and run; the README copies it verbatim. */
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
        // /snippet
    }

    @Test
    void theReadmeShowsTheExampleVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/test/java/io/faketicdc/api/ReadmeJournalExampleTest.java"));
        List<String> lines = source.substring(source.indexOf("// snippet:journal\n") + 19,
                source.indexOf("        // /snippet")).lines().toList();
        StringBuilder snippet = new StringBuilder("```java\n");
        for (String line : lines) snippet.append(line.length() >= 8 ? line.substring(8) : line.strip()).append('\n');
        snippet.append("```\n");
        String readme = Files.readString(Path.of("..", "README.md"));
        String between = readme.substring(readme.indexOf("<!-- snippet:journal -->\n") + 25,
                readme.indexOf("<!-- /snippet -->"));
        assertThat(between).isEqualTo(snippet.toString());
    }
}
