package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Authentication and forwarding on the new architecture (pingcap/ticdc api/v2/api.go,
 * api/v1/api.go, api/middleware/middleware.go): status, synced, the table operations and the v1
 * drain also need credentials; forwarding to the coordinator stops after too many hops with a
 * plain error.
 */
class NewArchAuthAndForwardingTest extends NewArchTestBase {
    private static final String NO_CREDENTIALS =
            "[CDC:ErrCredentialNotFound]credential not found: please specify the user and password via authorization header";

    @Override
    protected void configure(FakeConfig.Builder config) {
        super.configure(config);
        config.captures(2).clientUserRequired(true).user("root", "secret");
    }

    private static String basic() {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString("root:secret".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void status_synced_table_operations_and_the_v1_drain_need_credentials() {
        assertThat(send("POST", CHANGEFEEDS, "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}", basic()).status())
                .isEqualTo(200);
        assertError(get(CHANGEFEEDS + "/cf1/status"), 401, "CDC:ErrCredentialNotFound", NO_CREDENTIALS);
        assertError(get(CHANGEFEEDS + "/cf1/synced"), 401, "CDC:ErrCredentialNotFound", NO_CREDENTIALS);
        assertError(post(CHANGEFEEDS + "/cf1/move_table?tableID=104", null), 401, "CDC:ErrCredentialNotFound", NO_CREDENTIALS);
        assertError(put("/api/v1/captures/drain", "{}"), 401, "CDC:ErrCredentialNotFound", NO_CREDENTIALS);
        assertThat(send("GET", CHANGEFEEDS + "/cf1/status", null, basic()).status()).isEqualTo(200);
    }

    @Test
    void reads_and_table_lists_need_none() {
        send("POST", CHANGEFEEDS, "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}", basic());
        assertThat(get(CHANGEFEEDS + "/cf1").status()).isEqualTo(200);
        assertThat(get(CHANGEFEEDS + "/cf1/tables").status()).isEqualTo(200);
        assertThat(get(CHANGEFEEDS + "/cf1/get_dispatcher_count").status()).isEqualTo(200);
    }

    @Test
    void a_forwarding_loop_ends_in_a_plain_500() {
        Http.Response r = sendTo(1, "GET", CHANGEFEEDS, null, "TiCDC-ForwardTimes: 3");
        assertError(r, 500, "", "TiCDC cluster is unavailable, please try again later");
    }

    @Test
    void a_non_coordinator_forwards_and_the_answer_is_the_coordinators() {
        Http.Response r = sendTo(1, "GET", "/api/v2/captures", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(get("/api/v2/captures").body());
    }
}
