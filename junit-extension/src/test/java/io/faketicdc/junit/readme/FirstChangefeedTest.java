package io.faketicdc.junit.readme;

// The README's front-page example, imports included: it must compile as shown (ReadmeSnippetsTest).
// snippet:first-test
import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;

@TiCdcFake(seed = 7)   // a fresh fake on a free port for each test, closed afterwards
class FirstChangefeedTest {
    final HttpClient http = HttpClient.newHttpClient();   // stands for your TiCDC client

    @Test
    void createsAChangefeed(FakeTiCdc fake, URI baseUri) throws Exception {
        HttpRequest create = HttpRequest.newBuilder(baseUri.resolve("/api/v2/changefeeds"))
                .POST(BodyPublishers.ofString("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}"))
                .build();

        HttpResponse<String> response = http.send(create, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);   // the real server's answer, byte for byte
        assertThat(response.body()).contains("\"id\":\"cf1\"", "\"sink_uri\":\"blackhole:\"");
        assertThat(fake).changefeed("cf1").isInState(ChangefeedState.NORMAL);
        assertThat(fake).receivedExactly(1, request("POST", "/api/v2/changefeeds"));
    }
}
// end-snippet
