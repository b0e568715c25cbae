package io.faketicdc.junit.readme;

import io.faketicdc.junit.TiCdcFake;
import java.net.URI;
import org.junit.jupiter.api.Test;

// snippet:junit-fail-on-unexpected
@TiCdcFake(failOnUnexpectedRequests = true)   // a 404 fails the test, even one that passed
class StrictClientTest {
    @Test
    void createsAndPauses(URI baseUri) {
        ChangefeedClient client = new ChangefeedClient(baseUri);
        client.create("cf", "blackhole://");
        client.pause("cf");
    }
}
// end-snippet
