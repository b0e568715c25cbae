package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.CaptureInfo;
import io.faketicdc.FakeConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A three-capture cluster: every capture's port serves the API; non-owners forward owner routes. */
class OwnerForwardingTest extends ApiTestBase {
    private static final String CF = "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}";

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(3);
    }

    @Test
    void everyCaptureHasItsOwnDialablePortAndAdvertisesIt() {
        List<CaptureInfo> captures = fake.cluster().captures();
        assertThat(captures).hasSize(3);
        for (CaptureInfo c : captures) {
            assertThat(c.address()).isEqualTo("127.0.0.1:" + fake.port(c.slot()));
            assertThat(sendTo(c.slot(), "GET", "/api/v2/status", null).body()).contains("\"id\": \"" + c.id() + "\"");
        }
        assertThat(captures).extracting(CaptureInfo::owner).containsExactly(true, false, false);
    }

    @Test
    void everyOwnerForwardedRouteAnswersTheSameOnANonOwnerPort() {
        assertThat(sendTo(2, "POST", "/api/v2/changefeeds", CF).status()).isEqualTo(200);
        String[][] requests = {
            {"GET", "/api/v2/changefeeds", null},
            {"GET", "/api/v2/changefeeds/cf1", null},
            {"GET", "/api/v2/changefeeds/cf1/meta_info", null},
            {"GET", "/api/v2/changefeeds/cf1/status", null},
            {"GET", "/api/v2/changefeeds/cf1/synced", null},
            {"GET", "/api/v2/changefeeds/nope", null},
            {"POST", "/api/v2/changefeeds", CF},
            {"PUT", "/api/v2/changefeeds/cf1", "{}"},
            {"GET", "/api/v2/health", null},
            {"GET", "/api/v2/captures", null},
            {"GET", "/api/v2/processors", null},
            {"GET", "/api/v2/unsafe/metadata", null},
            {"POST", "/api/v2/unsafe/resolve_lock", "{\"region_id\":1,\"ts\":1}"},
            {"DELETE", "/api/v2/unsafe/service_gc_safepoint", "{}"},
            {"GET", "/api/v1/captures", null},
            {"GET", "/api/v1/health", null},
            {"GET", "/api/v1/changefeeds", null},
            {"GET", "/api/v1/changefeeds/cf1", null},
            {"GET", "/api/v1/changefeeds/nope", null},
            {"POST", "/api/v1/changefeeds", "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}"},
            {"PUT", "/api/v1/changefeeds/cf1", "{}"},
            {"DELETE", "/api/v1/changefeeds/nope", null},
            {"POST", "/api/v1/changefeeds/nope/pause", null},
            {"POST", "/api/v1/changefeeds/nope/tables/move_table", "{}"},
            {"GET", "/api/v1/processors", null},
        };
        for (String[] r : requests) {
            Http.Response owner = sendTo(0, r[0], r[1], r[2]);
            Http.Response other = sendTo(1, r[0], r[1], r[2]);
            assertThat(other.status()).as(r[0] + " " + r[1]).isEqualTo(owner.status());
            assertThat(other.body()).as(r[0] + " " + r[1]).isEqualTo(owner.body());
            assertThat(other.header("Content-Type")).as(r[0] + " " + r[1]).isEqualTo(owner.header("Content-Type"));
        }
    }

    @Test
    void mutationsThroughANonOwnerChangeTheOwnersState() {
        sendTo(1, "POST", "/api/v2/changefeeds", CF);
        assertJsonOk(sendTo(2, "POST", "/api/v2/changefeeds/cf1/pause", null), "{}");
        assertThat(sendTo(0, "GET", "/api/v2/changefeeds/cf1", null).body()).contains("\"state\":\"stopped\"");
    }

    @Test
    void statusLogTsoAndVerifyTableAreAnsweredByTheReceivingCapture() {
        CaptureInfo second = fake.cluster().capture(1).orElseThrow();
        assertThat(sendTo(1, "GET", "/api/v2/status", null).body())
                .contains("\"id\": \"" + second.id() + "\"").contains("\"is_owner\": false");
        assertThat(sendTo(1, "POST", "/api/v2/log", "{\"log_level\":\"debug\"}").status()).isEqualTo(200);
        assertThat(sendTo(1, "POST", "/api/v2/tso", "{}").status()).isEqualTo(200);
        assertThat(sendTo(1, "POST", "/api/v2/verify_table", "{}").status()).isEqualTo(200);
    }

    @Test
    void aRequestForwardedMoreThanTwiceIsRefused() {
        Http.Response r = sendTo(1, "GET", "/api/v2/changefeeds", null, "TiCDC-ForwardTimes: 3");
        assertError(r, 500, "ErrRequestForwardErr",
                "[ErrRequestForwardErr]request forward error, an request can only forward to owner one time");
        assertThat(sendTo(1, "GET", "/api/v2/changefeeds", null, "TiCDC-ForwardTimes: x").status()).isEqualTo(500);
        assertThat(sendTo(1, "GET", "/api/v2/changefeeds", null, "TiCDC-ForwardTimes: 2").status()).isEqualTo(200);
    }

    @Test
    void theOwnerIgnoresTheForwardingHeaders() {
        assertThat(sendTo(0, "GET", "/api/v2/changefeeds", null, "TiCDC-ForwardTimes: 9").status()).isEqualTo(200);
    }

    @Test
    void withNoOwnerElectedNonOwnersAnswerElectionNoLeader() {
        fake.cluster().stop(0);
        fake.cluster().beginGracefulShutdown(1);
        fake.cluster().beginGracefulShutdown(2);
        assertThat(fake.cluster().owner()).isEmpty();
        assertError(sendTo(1, "GET", "/api/v2/changefeeds", null), 500, "", "election: no leader");
    }

    @Test
    void resignMovesOwnershipToAnotherCaptureWhichKeepsItsId() {
        CaptureInfo second = fake.cluster().capture(1).orElseThrow();
        assertJsonOk(sendTo(2, "POST", "/api/v2/owner/resign", null), "{}");
        assertThat(fake.cluster().owner()).get().isEqualTo(
                new CaptureInfo(1, second.id(), second.address(), 0, true, true));
    }

    @Test
    void aStoppedCapturesPortRefusesConnections() {
        int port = fake.port(2);
        fake.cluster().stop(2);
        assertThat(fake.cluster().captures()).hasSize(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Http.send(port, "GET", "/api/v2/status", null))
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
    }
}
