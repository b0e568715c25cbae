package io.faketicdc.junit.readme;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static io.faketicdc.junit.TiCdcAssertions.stateOf;
import static org.awaitility.Awaitility.await;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Code under test that acts on another thread: wait for the fake to see it, with Awaitility. */
@TiCdcFake
class AwaitilityExampleTest {

    @Test
    void waitsForAPauseMadeOnAnotherThread(FakeTiCdc fake, URI baseUri) {
        ChangefeedClient client = new ChangefeedClient(baseUri);
        client.create("cf", "blackhole://");
        // snippet:junit-awaitility
        CompletableFuture.runAsync(() -> client.pause("cf"));   // the code under test, on another thread

        await().atMost(Duration.ofSeconds(5))
                .until(stateOf(fake, "cf"), state -> state == ChangefeedState.STOPPED);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(fake).receivedExactly(1, request("POST", "/api/v2/changefeeds/:changefeed_id/pause")));
        // end-snippet
    }
}
