package io.faketicdc.junit.readme;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.Profile;
import io.faketicdc.junit.TiCdcFakeExtension;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RealisticAsyncClientTest {
    // snippet:junit-instance-field
    @RegisterExtension
    TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().profile(Profile.V7_3).realisticAsync(true).build();

    @Test
    void theOwnerAdoptsANewChangefeedOnItsNextTick() {
        new ChangefeedClient(URI.create(ticdc.baseUrl())).create("cf", "blackhole://");
        assertThat(ticdc.fake().changefeed("cf").exists()).isFalse();

        ticdc.fake().clock().advance(Duration.ofMillis(50));   // one owner tick
        assertThat(ticdc.fake()).changefeed("cf").isInState(ChangefeedState.NORMAL);
    }
    // end-snippet
}
