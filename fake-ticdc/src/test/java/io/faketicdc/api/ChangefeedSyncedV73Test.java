package io.faketicdc.api;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import org.junit.jupiter.api.Test;

/** v7.3 has no {@code /synced} route (added in v7.6): gin's plain 404. */
class ChangefeedSyncedV73Test extends RouteTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.profile(Profile.V7_3);
    }

    @Test
    void syncedIsA404OnV73() {
        createBlackhole("test1");
        assertNoRoute(get(CHANGEFEEDS + "/test1/synced"));
    }
}
