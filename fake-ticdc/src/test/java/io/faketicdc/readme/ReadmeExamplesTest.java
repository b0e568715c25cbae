package io.faketicdc.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import io.faketicdc.script.ChangefeedAction;
import io.faketicdc.script.Step;
import io.faketicdc.script.Timing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's Java examples, compiled and run; ReadmeSnippetsTest checks the README shows them verbatim. */
class ReadmeExamplesTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void quickStart() throws Exception {
        // snippet:quick-start
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.seed(7)).start()) {
            HttpRequest create = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v2/changefeeds"))
                    .POST(BodyPublishers.ofString("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}"))
                    .build();
            HttpResponse<String> r = http.send(create, BodyHandlers.ofString());
            // 200 {"upstream_id":...,"namespace":"default","id":"cf1","sink_uri":"blackhole:",...}
            assertThat(r.statusCode()).isEqualTo(200);
        }
        // end-snippet
    }

    @Test
    void scripting() throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.captures(3).profile(Profile.MASTER)).start()) {
            fake.seed(ChangefeedSeed.builder("cf").sinkUri("kafka://kafka:9092/t?protocol=canal-json").build());
            // snippet:scripting
            // a Kafka outage: the changefeed retries with back-off (pending, warning...) ...
            fake.changefeed("cf").keepFailing("CDC:ErrKafkaNewProducer", "kafka: client has run out of available brokers");
            fake.clock().advance(Duration.ofMinutes(5));
            assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.PENDING);
            // ... and fails for good once retrying has lasted too long
            fake.clock().advance(Duration.ofMinutes(30));
            assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.FAILED);

            // later changes: after clock time, or on the Nth matching request
            fake.changefeed("cf").after(Duration.ofMinutes(1)).resume();
            fake.cluster().onRequest(2, "GET", "/api/v2/captures").resignOwner();
            fake.cluster().notReadyFor(1, 3);
            // end-snippet
            fake.clock().advance(Duration.ofMinutes(1));
            assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.NORMAL);
        }
    }

    @Test
    void plainDataSteps() {
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            fake.seed(ChangefeedSeed.builder("cf").build());
            // snippet:steps
            fake.run(new Step(Timing.after(Duration.ofSeconds(30)),
                    new ChangefeedAction("default", "cf", ChangefeedAction.Kind.FAIL,
                            "CDC:ErrSnapshotLostByGC", "fail to create or maintain changefeed", null, null)));
            // end-snippet
            fake.clock().advance(Duration.ofSeconds(30));
            assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.FAILED);
        }
    }
}
