package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The network breaks between the client and TiCDC: hangs, resets, and an answer lost after the change was made. */
@TiCdcFake
class BrokenConnectionsTest {
    ChangefeedManager manager;

    @BeforeEach
    void setUp(URI baseUri) {
        manager = new ChangefeedManager(baseUri, Fast.client());
    }

    @Test
    void aRequestThatHangsTimesOutAndTheRetrySucceeds(FakeTiCdc fake) {
        fake.faults().add(FaultRule.on("create changefeed").respond(Effect.hang()).firstN(1));
        ChangefeedManager impatient = new ChangefeedManager(fake.baseUri(), Fast.client().withRequestTimeout(Duration.ofMillis(500)));

        long start = System.nanoTime();
        impatient.create("orders", "blackhole://");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(fake).changefeed("orders").isInState(ChangefeedState.NORMAL);
        assertThat(fake.requests().matching(request("POST", "/api/v2/changefeeds")))
                .extracting(RecordedRequest::faultEffect).startsWith("hang").endsWith((String) null);
    }

    @Test
    void aResetConnectionIsRetried(FakeTiCdc fake) {
        fake.faults().add(FaultRule.on("get changefeed").respond(Effect.reset()).firstN(1));

        manager.create("orders", "blackhole://");

        assertThat(fake.requests().matching(request("GET", "/api/v2/changefeeds/:changefeed_id")))
                .extracting(RecordedRequest::status).containsExactly(0, 200);   // 0: no status line, the connection was reset
    }

    @Test
    void aCreateWhoseAnswerIsLostIsNotMadeTwice(FakeTiCdc fake) {
        fake.faults().add(FaultRule.on("create changefeed").afterCommit().respond(Effect.reset()).firstN(1));

        ChangefeedStatus status = manager.create("orders", "blackhole://");

        assertThat(status.isNormal()).isTrue();
        assertThat(fake.changefeeds()).hasSize(1);
        assertThat(fake.requests().matching(request("POST", "/api/v2/changefeeds")))
                .extracting(RecordedRequest::status).containsExactly(0, 500);   // the retry finds it: already exists
    }
}
