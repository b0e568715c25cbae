package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.RecordedRequest;
import org.junit.jupiter.api.Test;

/** In a three-capture cluster the journal records what each port's client saw, once. */
class RequestJournalForwardingTest extends ApiTestBase {
    private static final String CF = "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}";

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(3);
    }

    @Test
    void aRequestANonOwnerForwardsToTheOwnerIsRecordedOnceWithTheOwnersSlot() {
        assertThat(sendTo(2, "POST", "/api/v2/changefeeds", CF).status()).isEqualTo(200);
        assertThat(fake.requests().count()).isEqualTo(1);
        RecordedRequest r = fake.requests().last();
        assertThat(r.slot()).isEqualTo(2);
        assertThat(r.port()).isEqualTo(fake.port(2));
        assertThat(r.forwardedTo()).isZero();
        assertThat(r.operation()).isEqualTo("create changefeed");
        assertThat(r.header("TiCDC-ForwardFromCapture")).as("the client's headers, not the hop's").isNull();
        assertThat(r.forwardedFrom()).isNull();
        assertThat(fake.requests().count("POST", "/api/v2/changefeeds")).isEqualTo(1);
        assertThat(r).hasToString("#1 POST /api/v2/changefeeds -> 200 (create changefeed) [capture 2, forwarded to 0]");
    }

    @Test
    void aRouteTheReceivingCaptureAnswersItselfIsNotForwarded() {
        sendTo(1, "GET", "/api/v2/status", null);
        assertThat(fake.requests().last().forwardedTo()).isNull();
        assertThat(fake.requests().last().slot()).isEqualTo(1);
    }

    @Test
    void aRequestThatReachesTheOwnerThroughForwardingSaysWhereItCameFrom() {
        String from = fake.cluster().capture(1).orElseThrow().id();
        sendTo(0, "GET", "/api/v2/changefeeds", null, "TiCDC-ForwardFromCapture: " + from, "TiCDC-ForwardTimes: 1");
        RecordedRequest r = fake.requests().last();
        assertThat(r.forwardedFrom()).isEqualTo(from);
        assertThat(r.forwardedTo()).isNull();
        assertThat(r.describe()).endsWith("(list changefeeds) [via " + from + "]");
    }

    @Test
    void aRefusedForwardIsRecordedAsNotForwarded() {
        sendTo(1, "GET", "/api/v2/changefeeds", null, "TiCDC-ForwardTimes: 3");
        RecordedRequest r = fake.requests().last();
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.forwardedTo()).isNull();
        assertThat(r.operation()).isEqualTo("list changefeeds");
    }
}
