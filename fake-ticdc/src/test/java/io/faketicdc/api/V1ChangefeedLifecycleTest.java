package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeConfig;
import io.faketicdc.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/changefeeds/{id}/pause}, {@code .../resume} and
 * {@code DELETE /api/v1/changefeeds/{id}} (pingcap/tiflow cdc/api/v1/api.go; cdc/api/util.go).
 */
class V1ChangefeedLifecycleTest extends RouteTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(2);
    }

    private String lastOperation() {
        var all = fake.requests().all();
        return all.get(all.size() - 1).operation();
    }

    // ---- pause ----

    @Test
    void pauseAnswers202AndStopsTheChangefeed() {
        createV1("cf");
        assertAccepted(post(V1_CHANGEFEEDS + "/cf/pause", null));
        assertThat(lastOperation()).isEqualTo("v1 pause changefeed");
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.STOPPED);
    }

    @Test
    void pauseOnANonOwnerIsForwardedToTheOwner() {
        createV1("cf");
        assertAccepted(sendTo(1, "POST", V1_CHANGEFEEDS + "/cf/pause", null));
        RecordedRequest r = fake.requests().all().get(1);
        assertThat(r.forwardedTo()).isEqualTo(0);
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.STOPPED);
    }

    @Test
    void pauseOfAnUnknownChangefeedIsNotExists() {
        assertNotExists(post(V1_CHANGEFEEDS + "/nope/pause", null), "default/nope");
    }

    @Test
    void pauseWithAnInvalidIdIsRefused() {
        assertInvalidId(post(V1_CHANGEFEEDS + "/a_b/pause", null), "a_b");
    }

    @Test
    void pauseIsOnlyAPost() {
        createV1("cf");
        assertNoRoute(get(V1_CHANGEFEEDS + "/cf/pause"));
    }

    // ---- resume ----

    @Test
    void resumeAnswers202AndRunsTheChangefeedAgain() {
        createV1("cf");
        fake.changefeed("cf").pause();
        assertAccepted(post(V1_CHANGEFEEDS + "/cf/resume", null));
        assertThat(lastOperation()).isEqualTo("v1 resume changefeed");
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.NORMAL);
    }

    @Test
    void resumeReadsNoBody() {
        createV1("cf");
        fake.changefeed("cf").pause();
        assertAccepted(post(V1_CHANGEFEEDS + "/cf/resume", "{not json"));
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.NORMAL);
    }

    @Test
    void resumeOfAnUnknownChangefeedIsNotExists() {
        assertNotExists(post(V1_CHANGEFEEDS + "/nope/resume", null), "default/nope");
    }

    // ---- delete ----

    @Test
    void deleteAnswers202AndTheChangefeedIsGone() {
        createV1("cf");
        assertAccepted(delete(V1_CHANGEFEEDS + "/cf"));
        assertThat(lastOperation()).isEqualTo("v1 delete changefeed");
        assertThat(fake.changefeed("cf").exists()).isFalse();
        assertNotExists(get(V1_CHANGEFEEDS + "/cf"), "default/cf");
    }

    @Test
    void deleteOfAnUnknownChangefeedIs400WhereV2Answers200() {
        assertNotExists(delete(V1_CHANGEFEEDS + "/nope"), "default/nope");
        assertJsonOk(delete(CHANGEFEEDS + "/nope"), "{}");
    }

    @Test
    void deleteWithAnInvalidIdIsRefused() {
        assertInvalidId(delete(V1_CHANGEFEEDS + "/a_b"), "a_b");
    }

    @Test
    void deleteOnlyReachesTheDefaultNamespace() {
        create("{\"namespace\":\"ns\",\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        assertNotExists(delete(V1_CHANGEFEEDS + "/cf?namespace=ns"), "default/cf");
        assertThat(fake.changefeed("ns", "cf").exists()).isTrue();
    }
}
