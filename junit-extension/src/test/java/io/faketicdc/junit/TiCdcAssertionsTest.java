package io.faketicdc.junit;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.checkpointOf;
import static io.faketicdc.junit.TiCdcAssertions.request;
import static io.faketicdc.junit.TiCdcAssertions.stateOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Api;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TiCdcAssertions on a real fake: what passes, and the failure messages of what does not. */
@TiCdcFake(captures = 3, seed = 7, startInstant = "2024-01-02T03:04:05Z")
class TiCdcAssertionsTest {
    private static final String PAUSE = "/api/v2/changefeeds/:changefeed_id/pause";
    private static final String UPDATE = "/api/v2/changefeeds/:changefeed_id";
    private static final String JOURNAL = """
            fake-ticdc requests:
            #1 POST /api/v2/changefeeds -> 200 (create changefeed)
            #2 POST /api/v2/changefeeds/cf/pause -> 200 (pause changefeed)
            #3 PUT /api/v2/changefeeds/cf -> 200 (update changefeed)""";

    private FakeTiCdc fake;

    @BeforeEach
    void pauseThenUpdate(FakeTiCdc fake) {
        this.fake = fake;
        Api.createChangefeed(fake.baseUrl(), "cf");
        Api.call("POST", fake.baseUrl(), "/api/v2/changefeeds/cf/pause");
        Api.call("PUT", fake.baseUrl(), "/api/v2/changefeeds/cf", "{\"sink_uri\":\"blackhole://?v=2\"}");
    }

    @Test
    void changefeedAssertionsPass() {
        long checkpoint = fake.changefeed("cf").checkpointTs();
        assertThat(fake).changefeed("cf").isInState(ChangefeedState.STOPPED).hasCheckpointAtLeast(checkpoint)
                .hasNoError();
        fake.changefeed("cf").fail("CDC:ErrSnapshotLostByGC", "lost");
        assertThat(fake).changefeed("default", "cf").isInState(ChangefeedState.FAILED)
                .hasErrorCode("CDC:ErrSnapshotLostByGC");
    }

    @Test
    void aWrongStateSaysWhichItWasAndShowsTheChangefeedAndTheRequests() {
        assertThatThrownBy(() -> assertThat(fake).changefeed("cf").isInState(ChangefeedState.NORMAL))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting changefeed default/cf to be normal, but it was stopped\n"
                        + "  changefeed: ChangefeedSnapshot[namespace=default, id=cf, state=STOPPED, sinkUri=blackhole://?v=2")
                .hasMessageEndingWith(JOURNAL);
    }

    @Test
    void anUnknownChangefeedFails() {
        assertThatThrownBy(() -> assertThat(fake).changefeed("nope"))
                .hasMessage("Expecting changefeed default/nope to exist, but the owner does not know it\n" + JOURNAL);
    }

    @Test
    void aCheckpointBehindSaysByHowMuch() {
        long checkpoint = fake.changefeed("cf").checkpointTs();
        long later = checkpoint + (1500L << 18);
        assertThatThrownBy(() -> assertThat(fake).changefeed("cf").hasCheckpointAtLeast(later))
                .hasMessageStartingWith("Expecting changefeed default/cf to have its checkpoint at least " + later
                        + ", but it was " + checkpoint + " (1500 ms behind)\n");
    }

    @Test
    void errorCodes() {
        assertThatThrownBy(() -> assertThat(fake).changefeed("cf").hasErrorCode("CDC:ErrSnapshotLostByGC"))
                .hasMessageStartingWith("Expecting changefeed default/cf to have error CDC:ErrSnapshotLostByGC,"
                        + " but it has no error\n");
        fake.changefeed("cf").fail("CDC:ErrSinkURIInvalid", "bad sink");
        assertThatThrownBy(() -> assertThat(fake).changefeed("cf").hasErrorCode("CDC:ErrSnapshotLostByGC"))
                .hasMessageStartingWith("Expecting changefeed default/cf to have error CDC:ErrSnapshotLostByGC,"
                        + " but it has CDC:ErrSinkURIInvalid: bad sink\n");
        assertThatThrownBy(() -> assertThat(fake).changefeed("cf").hasNoError())
                .hasMessageStartingWith("Expecting changefeed default/cf to have no error,"
                        + " but it has CDC:ErrSinkURIInvalid: bad sink\n");
    }

    @Test
    void requestCountsPass() {
        assertThat(fake)
                .receivedExactly(1, request("POST", PAUSE))
                .received(request("PUT", UPDATE))
                .receivedNo(request("POST", "/api/v2/changefeeds/:changefeed_id/resume"))
                .receivedInOrder(request("POST", PAUSE), request("PUT", UPDATE));
    }

    @Test
    void aWrongCountListsTheMatchingRequestsAndTheJournal() {
        Api.call("POST", fake.baseUrl(), "/api/v2/changefeeds/cf/pause");
        assertThatThrownBy(() -> assertThat(fake).receivedExactly(1, request("POST", PAUSE)))
                .hasMessageStartingWith("""
                        Expecting 1 request matching POST /api/v2/changefeeds/:changefeed_id/pause, but received 2:
                          #2 POST /api/v2/changefeeds/cf/pause -> 200 (pause changefeed)
                          #4 POST /api/v2/changefeeds/cf/pause -> 200 (pause changefeed)
                        fake-ticdc requests:
                        #1 POST""");
        assertThatThrownBy(() -> assertThat(fake).receivedNo(request("PUT", UPDATE)))
                .hasMessageStartingWith("""
                        Expecting no request matching PUT /api/v2/changefeeds/:changefeed_id, but received 1:
                          #3 PUT /api/v2/changefeeds/cf -> 200 (update changefeed)
                        fake-ticdc requests:
                        """);
        assertThatThrownBy(() -> assertThat(fake).received(request("DELETE", UPDATE)))
                .hasMessageStartingWith("Expecting a request matching DELETE /api/v2/changefeeds/:changefeed_id,"
                        + " but none was received\nfake-ticdc requests:\n");
    }

    @Test
    void theWrongOrderSaysWhatWasMissingAfterWhat() {
        assertThatThrownBy(() -> assertThat(fake).receivedInOrder(request("PUT", UPDATE), request("POST", PAUSE)))
                .hasMessage("""
                        Expecting requests matching, in this order:
                          1. PUT /api/v2/changefeeds/:changefeed_id
                          2. POST /api/v2/changefeeds/:changefeed_id/pause
                        but found none matching 2. POST /api/v2/changefeeds/:changefeed_id/pause after \
                        #3 PUT /api/v2/changefeeds/cf -> 200 (update changefeed)
                        """ + JOURNAL);
        assertThatThrownBy(() -> assertThat(fake).receivedInOrder(request("GET", "/api/v2/status")))
                .hasMessageStartingWith("""
                        Expecting requests matching, in this order:
                          1. GET /api/v2/status
                        but found none matching 1. GET /api/v2/status
                        fake-ticdc requests:""");
    }

    @Test
    void owner() {
        assertThat(fake).hasOwner(0);
        fake.cluster().resignOwner();
        assertThat(fake).hasOwner(1);
        assertThatThrownBy(() -> assertThat(fake).hasOwner(2))
                .hasMessageStartingWith("Expecting the capture in slot 2 to be the owner, but the owner is CaptureInfo[slot=1,");
        fake.cluster().stop(0).stop(1).stop(2);
        assertThatThrownBy(() -> assertThat(fake).hasOwner(0))
                .hasMessageStartingWith("Expecting the capture in slot 0 to be the owner, but there is no owner\n");
    }

    @Test
    void aDescriptionComesFirst() {
        assertThatThrownBy(() -> assertThat(fake).as("after the sink change").receivedNo(request("PUT", UPDATE)))
                .hasMessageStartingWith("[after the sink change] Expecting no request matching");
    }

    @Test
    void pollersReadTheStateAndCheckpointEachTime() throws Exception {
        assertThat(stateOf(fake, "cf").call()).isEqualTo(ChangefeedState.STOPPED);
        assertThat(stateOf(fake, "missing").call()).isNull();
        assertThat(checkpointOf(fake, "missing").call()).isNull();
        Long before = checkpointOf(fake, "cf").call();
        fake.changefeed("cf").resume();
        fake.clock().advance(Duration.ofSeconds(10));
        assertThat(stateOf(fake, "cf").call()).isEqualTo(ChangefeedState.NORMAL);
        assertThat(checkpointOf(fake, "cf").call()).isGreaterThan(before);
    }
}
