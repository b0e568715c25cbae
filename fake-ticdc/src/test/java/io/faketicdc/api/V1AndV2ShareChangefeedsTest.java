package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One model under both APIs: what one version does, the other sees (pingcap/tiflow cdc/api/v1/api.go; cdc/api/v2/changefeed.go). */
class V1AndV2ShareChangefeedsTest extends RouteTestBase {

    @Test
    void aChangefeedCreatedOverV1IsListedAndReadableOverV2() {
        createV1("cf");
        assertThat(get(CHANGEFEEDS).body()).startsWith("{\"total\":1,\"items\":[{").contains("\"id\":\"cf\",\"state\":\"normal\"");
        Http.Response r = get(CHANGEFEEDS + "/cf");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"cf\",\"sink_uri\":\"blackhole:\"").contains("\"start_ts\":" + START_TSO + ",");
    }

    @Test
    void aChangefeedCreatedOverV2IsListedAndReadableOverV1() {
        createBlackhole("cf");
        assertThat(get(V1_CHANGEFEEDS).body()).startsWith("[\n    {\n").contains("\"id\": \"cf\",\n        \"state\": \"normal\"");
        Http.Response r = get(V1_CHANGEFEEDS + "/cf");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"sink_uri\": \"blackhole:\"").contains("\"start_ts\": " + START_TSO + ",");
    }

    @Test
    void aPauseOverV2IsSeenOverV1AndAResumeOverV1IsSeenOverV2() {
        createV1("cf");
        pause("cf");
        assertThat(get(V1_CHANGEFEEDS + "/cf").body()).contains("\"state\": \"stopped\"");
        assertAccepted(post(V1_CHANGEFEEDS + "/cf/resume", null));
        assertThat(get(CHANGEFEEDS + "/cf").body()).contains("\"state\":\"normal\"");
    }

    @Test
    void anUpdateOverV1IsSeenOverV2() {
        createBlackhole("cf");
        pause("cf");
        assertAccepted(put(V1_CHANGEFEEDS + "/cf", "{\"filter_rules\":[\"db.*\"]}"));
        assertThat(get(CHANGEFEEDS + "/cf").body()).contains("\"filter\":{\"rules\":[\"db.*\"]}");
    }

    @Test
    void aDeleteOverV1RemovesItFromV2() {
        createBlackhole("cf");
        assertAccepted(delete(V1_CHANGEFEEDS + "/cf"));
        assertJsonOk(get(CHANGEFEEDS), "{\"total\":0,\"items\":[]}");
    }

    @Test
    void anIdTakenOverOneVersionIsTakenOverTheOther() {
        createV1("cf");
        assertApiError(post(CHANGEFEEDS, "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}"), 500,
                "CDC:ErrChangeFeedAlreadyExists", "[CDC:ErrChangeFeedAlreadyExists]changefeed already exists, cf");
    }
}
