package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers that mean "try again": the client retries them with back-off, and only them. */
@TiCdcFake
class TransientFailuresTest {
    ChangefeedManager manager;

    @BeforeEach
    void setUp(URI baseUri) {
        manager = new ChangefeedManager(baseUri, Fast.client());
    }

    @Test
    void theClientRetriesWhileTheServerIsNotReadyAtStartup(FakeTiCdc fake) {
        fake.cluster().notReadyFor(0, 3);

        manager.create("orders", "blackhole://");

        assertThat(fake.requests().all()).extracting(RecordedRequest::status).startsWith(503, 503, 503, 200);
        assertThat(fake).receivedExactly(4, request("POST", "/api/v2/changefeeds"));
    }

    @Test
    void twoEtcdTimeoutsAreRetriedAndTheThirdCreateGoesThrough(FakeTiCdc fake) {
        fake.faults().add(FaultRule.on("create changefeed")
                .respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out"))
                .firstN(2));

        ChangefeedStatus status = manager.create("orders", "blackhole://");

        assertThat(status.isNormal()).isTrue();
        assertThat(fake.requests().matching(request("POST", "/api/v2/changefeeds")))
                .extracting(RecordedRequest::status).containsExactly(500, 500, 200);
    }

    @Test
    void anOwnerElectionInProgressIsRetried(FakeTiCdc fake) {
        fake.faults().add(FaultRule.on("get changefeed").respond(Effect.noOwner()).firstN(1));

        manager.create("orders", "blackhole://");

        assertThat(fake.requests().matching(request("GET", "/api/v2/changefeeds/:changefeed_id")).get(0).responseBodyText())
                .contains("election: no leader");
    }

    @Test
    void aServerThatStaysUnavailableMakesTheClientGiveUpAfterItsRetryTimeout(FakeTiCdc fake) {
        fake.cluster().ready(0, false);
        ClientSettings settings = Fast.client().withRetryTimeout(Duration.ofMillis(300));
        ChangefeedManager impatient = new ChangefeedManager(fake.baseUri(), settings);

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.create("orders", "blackhole://"))
                .isInstanceOf(TiCdcUnavailableException.class)
                .hasMessageContaining("503").hasMessageContaining("CDC:ErrServerIsNotReady");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(fake.requests().count("POST", "/api/v2/changefeeds")).isBetween(2, 10);   // back-off: 5, 10, 20, 40, 50... ms
    }
}
