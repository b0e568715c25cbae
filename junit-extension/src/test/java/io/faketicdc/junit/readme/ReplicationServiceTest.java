package io.faketicdc.junit.readme;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static io.faketicdc.junit.TiCdcAssertions.request;

import io.faketicdc.ChangefeedState;
import io.faketicdc.junit.TiCdcFakeExtension;
import java.net.URI;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// snippet:junit-static-field
class ReplicationServiceTest {
    @RegisterExtension
    static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder()
            .captures(3)
            .configure(cfg -> cfg.zone(ZoneId.of("Asia/Shanghai")))   // any FakeConfig setting
            .build();

    static ChangefeedClient client;

    @BeforeAll
    static void startClient() {
        client = new ChangefeedClient(URI.create(ticdc.baseUrl()));   // the port stays the same for the class
    }

    @Test
    void createsAChangefeed() {
        client.create("cf", "blackhole://");
        assertThat(ticdc.fake()).changefeed("cf").isInState(ChangefeedState.NORMAL);
    }

    @Test
    void everyTestStartsFromAFreshCluster() {
        assertThat(ticdc.fake()).receivedNo(request("POST", "/api/v2/changefeeds")).hasOwner(0);
    }
}
// end-snippet
