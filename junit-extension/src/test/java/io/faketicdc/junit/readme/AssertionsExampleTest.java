package io.faketicdc.junit.readme;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@TiCdcFake(seed = 7)
class AssertionsExampleTest {

    @Test
    void assertions(FakeTiCdc fake, URI baseUri) {
        ChangefeedClient client = new ChangefeedClient(baseUri);
        client.create("cf", "blackhole://");
        long ts = fake.changefeed("cf").checkpointTs();
        fake.clock().advance(Duration.ofSeconds(10));
        client.changeSink("cf", "blackhole://?v=2");
        fake.changefeed("cf").fail("CDC:ErrSnapshotLostByGC", "fail to create or maintain changefeed");
        // snippet:junit-assertions
        assertThat(fake).changefeed("cf")
                .isInState(ChangefeedState.FAILED)
                .hasErrorCode("CDC:ErrSnapshotLostByGC")
                .hasCheckpointAtLeast(ts);
        assertThat(fake)
                .receivedExactly(1, request("POST", "/api/v2/changefeeds/:changefeed_id/pause"))
                .receivedNo(request("DELETE", "/api/v2/changefeeds/:changefeed_id"))
                .receivedInOrder(
                        request("POST", "/api/v2/changefeeds/:changefeed_id/pause"),   // the client paused
                        request("PUT", "/api/v2/changefeeds/:changefeed_id"))          // before it updated
                .hasOwner(0);
        // end-snippet
    }
}
