package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import org.junit.jupiter.api.Test;

/**
 * v7.3 has no same-cluster check (pingcap/tiflow pkg/check/cluster.go came later): resume and an
 * update that changes neither sink nor config open no MySQL connection.
 */
class DownstreamV73Test extends RouteTestBase {
    @Override
    protected void configure(FakeConfig.Builder config) {
        config.profile(Profile.V7_3);
    }

    @Test
    void resuming_a_mysql_changefeed_whose_downstream_is_down_is_accepted_and_it_then_retries() {
        createWith("{\"changefeed_id\":\"cf\",\"sink_uri\":\"" + DownstreamTest.MYSQL + "\"}");
        pause("cf");
        fake.downstream("127.0.0.1:3306").down();
        assertJsonOk(post(CHANGEFEEDS + "/cf/resume", "{}"), "{}");
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.PENDING);
        assertThat(fake.changefeed("cf").error().orElseThrow().message()).isEqualTo(DownstreamTest.MYSQL_DOWN);
    }

    @Test
    void an_update_of_target_ts_alone_opens_no_sink() {
        createWith("{\"changefeed_id\":\"cf\",\"sink_uri\":\"" + DownstreamTest.MYSQL + "\"}");
        pause("cf");
        fake.downstream("127.0.0.1:3306").down();
        assertThat(put(CHANGEFEEDS + "/cf", "{\"target_ts\":" + (START_TSO + (1L << 40)) + "}").status()).isEqualTo(200);
        assertThat(post(CHANGEFEEDS, "{\"changefeed_id\":\"x\",\"sink_uri\":\"" + DownstreamTest.MYSQL + "\"}").status())
                .isEqualTo(400);
    }
}
