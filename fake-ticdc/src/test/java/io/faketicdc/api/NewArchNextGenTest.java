package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import org.junit.jupiter.api.Test;

/**
 * The next-gen build of the new architecture ({@code keyspaces(...)}): the changefeed routes need
 * {@code ?keyspace=} naming a keyspace that exists (pingcap/ticdc api/middleware/middleware.go
 * KeyspaceCheckerMiddleware), and changefeeds live in their keyspace.
 */
class NewArchNextGenTest extends NewArchTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        super.configure(config);
        config.keyspaces("ks1", "ks2");
    }

    @Test
    void a_changefeed_route_without_a_keyspace_is_refused() {
        assertApiError(get(CHANGEFEEDS), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]missing required query parameter keyspace, please specify --keyspace or -k");
        assertApiError(post(CHANGEFEEDS, "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}"), 400,
                "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]missing required query parameter keyspace, please specify --keyspace or -k");
    }

    @Test
    void an_unknown_keyspace_is_refused() {
        assertApiError(get(CHANGEFEEDS + "/cf1?keyspace=nope"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]keyspace \"nope\" does not exist, please check --keyspace or -k");
    }

    @Test
    void changefeeds_live_in_the_keyspace_of_the_query() {
        Http.Response r = post(CHANGEFEEDS + "?keyspace=ks1",
                "{\"keyspace\":\"ks2\",\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"id\":\"cf1\",\"keyspace\":\"ks1\"");
        assertThat(get(CHANGEFEEDS + "/cf1?keyspace=ks1").status()).isEqualTo(200);
        assertNotExists(get(CHANGEFEEDS + "/cf1?keyspace=ks2"), "ks2/cf1");
        assertJsonOk(get(CHANGEFEEDS + "?keyspace=ks2"), "{\"total\":0,\"items\":[]}");
    }

    @Test
    void routes_outside_the_changefeeds_need_no_keyspace() {
        assertThat(get("/api/v2/status").status()).isEqualTo(200);
        assertThat(get("/api/v2/captures").status()).isEqualTo(200);
        assertThat(get("/api/v1/changefeeds").status()).isEqualTo(200);
    }

    @Test
    void keyspaces_need_the_newarch_profile() {
        assertThatThrownBy(() -> FakeConfig.builder().keyspaces("ks1").build())
                .hasMessage("keyspaces need profile NEWARCH (the next-gen build of the new architecture)");
        assertThat(FakeConfig.builder().profile(Profile.NEWARCH).keyspaces("ks1").build().keyspaces()).containsExactly("ks1");
    }
}
