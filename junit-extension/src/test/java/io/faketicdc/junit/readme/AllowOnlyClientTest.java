package io.faketicdc.junit.readme;

import io.faketicdc.junit.TiCdcFakeExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AllowOnlyClientTest {
    // snippet:junit-allow-only
    @RegisterExtension
    TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder()
            .allowOnly("create changefeed", "get changefeed")   // any other request fails the test
            .build();
    // end-snippet

    @Test
    void createsOnly() {
        new ChangefeedClient(URI.create(ticdc.baseUrl())).create("cf", "blackhole://");
    }
}
