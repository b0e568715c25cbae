package io.faketicdc.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeConfig;
import io.faketicdc.RecordedRequest;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Effects applied after the real change committed, versus instead of it; on owner and non-owner ports. */
class AfterCommitTest extends FaultTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(2);
    }

    @Test
    void aCreateAnsweredFiveHundredAfterCommitStillCreatedTheChangefeed() throws Exception {
        fake.faults().add(FaultRule.on("create changefeed").afterCommit()
                .respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out")));
        assertThat(createCf1().statusCode()).isEqualTo(500);
        assertThat(call("GET", "/api/v2/changefeeds/cf1", null).statusCode()).isEqualTo(200);
        assertThat(fake.changefeed("cf1").state()).isEqualTo(ChangefeedState.NORMAL);
    }

    @Test
    void aCreateAnsweredFiveHundredInsteadCreatedNothing() throws Exception {
        fake.faults().add(FaultRule.on("create changefeed")
                .respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out")));
        assertThat(createCf1().statusCode()).isEqualTo(500);
        assertThat(call("GET", "/api/v2/changefeeds/cf1", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aPauseWhoseConnectionResetsAfterCommitStillPaused() throws Exception {
        createCf1();
        fake.faults().add(FaultRule.on("pause changefeed").afterCommit().respond(Effect.reset()));
        assertThatThrownBy(() -> call("POST", "/api/v2/changefeeds/cf1/pause", null)).isInstanceOf(IOException.class);
        assertThat(fake.changefeed("cf1").state()).isEqualTo(ChangefeedState.STOPPED);
    }

    @Test
    void aClientThatTimesOutOnADelayedCreateFindsItExistsWhenItRetries() throws Exception {
        fake.faults().add(FaultRule.on("create changefeed").afterCommit().firstN(1)
                .respond(Effect.delay(Duration.ofSeconds(2))));
        assertThatThrownBy(() -> callSlot(0, "POST", "/api/v2/changefeeds", CREATE_CF1, Duration.ofMillis(300)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(createCf1().body()).contains("CDC:ErrChangeFeedAlreadyExists");
    }

    @Test
    void aRuleFiresOnANonOwnerPortForAForwardedRoute() throws Exception {
        fake.faults().add(FaultRule.on("create changefeed").afterCommit().respond(Effect.noOwner()));
        assertThat(callSlot(1, "POST", "/api/v2/changefeeds", CREATE_CF1, Duration.ofSeconds(5)).statusCode())
                .isEqualTo(500);
        RecordedRequest r = fake.requests().last();
        assertThat(r.slot()).isEqualTo(1);
        assertThat(r.forwardedTo()).as("the handler ran on the owner").isEqualTo(0);
        assertThat(fake.changefeed("cf1").state()).isEqualTo(ChangefeedState.NORMAL);
    }

    @Test
    void aDelayedErrorWaitsThenFailsWithoutCommitting() throws Exception {
        fake.faults().add(FaultRule.on("create changefeed")
                .respond(Effect.delay(Latency.fixed(Duration.ofMillis(200)), Effect.noOwner())));
        long start = System.nanoTime();
        assertThat(createCf1().statusCode()).isEqualTo(500);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(fake.requests().last().faultEffect()).isEqualTo("delay+no-owner");
        assertThat(call("GET", "/api/v2/changefeeds/cf1", null).statusCode()).isEqualTo(400);
    }
}
