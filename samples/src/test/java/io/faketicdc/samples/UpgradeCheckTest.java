package io.faketicdc.samples;

import static io.faketicdc.junit.TiCdcAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How a user checks an upgrade: the same client test against every TiCDC the fake imitates,
 * tiflow's v7.3 and master and the new architecture (pingcap/ticdc). A client that passes on all
 * three survives the move to the new kernel; one that fails shows where it relied on a difference.
 */
// snippet:samples-upgrade-check
class UpgradeCheckTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Profile.class)
    void theChangefeedLifecycleWorksOnEveryKernel(Profile profile) throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(config -> config.profile(profile)).start()) {
            ChangefeedManager manager = new ChangefeedManager(URI.create(fake.baseUrl()), Fast.client());

            manager.create("orders", "blackhole://");
            // a duplicate is a 500 on tiflow and a 400 on the new architecture: the client goes by the error code
            manager.create("orders", "blackhole://");
            manager.updateConfig("orders", new ObjectMapper().readTree("{\"filter\":{\"rules\":[\"shop.*\"]}}"));
            assertThat(fake).changefeed("orders").isInState(ChangefeedState.NORMAL);

            manager.remove("orders");
            assertThat(manager.find("orders")).isEmpty();
        }
    }
}
// end-snippet
