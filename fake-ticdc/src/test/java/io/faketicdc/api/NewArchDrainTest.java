package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coordinator's drain of the new architecture, behind {@code PUT /api/v1/captures/drain}
 * (pingcap/ticdc api/v1/api.go drainCapture; coordinator/controller_drain.go;
 * pkg/liveness/liveness.go): one target until it leaves the cluster, liveness 1 (draining) and 2
 * (stopping), the count at least 1 until the node was seen stopping with nothing left.
 */
class NewArchDrainTest extends NewArchTestBase {
    private String coordinator;
    private String second;
    private String third;

    @Override
    protected void configure(FakeConfig.Builder config) {
        super.configure(config);
        config.captures(3);
    }

    @BeforeEach
    void ids() {
        coordinator = fake.cluster().captures().get(0).id();
        second = fake.cluster().captures().get(1).id();
        third = fake.cluster().captures().get(2).id();
    }

    private Http.Response drain(String id) {
        return put("/api/v1/captures/drain", "{\"capture_id\":\"" + id + "\"}");
    }

    private int count(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String b = r.body();
        return Integer.parseInt(b.substring(b.indexOf(':') + 1, b.indexOf('}')));
    }

    @Test
    void the_coordinator_cannot_be_drained() {
        assertApiError(drain(coordinator), 400, "CDC:ErrSchedulerRequestFailed",
                "[CDC:ErrSchedulerRequestFailed]scheduler request failed, cannot drain the owner");
    }

    @Test
    void an_unknown_node_is_capture_not_exist() {
        assertApiError(drain("ghost"), 400, "CDC:ErrCaptureNotExist", "[CDC:ErrCaptureNotExist]capture not exists, ghost");
    }

    @Test
    void a_bad_body_is_invalid_param() {
        Http.Response r = put("/api/v1/captures/drain", "{");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
        assertThat(r.body()).contains("[CDC:ErrAPIInvalidParam]invalid api parameter: ");
    }

    @Test
    void an_empty_node_turns_draining_then_stopping_and_reports_1_until_that_was_seen() {
        String statusPath = "/api/v2/status";
        assertThat(count(drain(second))).isEqualTo(1);
        assertThat(sendTo(1, "GET", statusPath, null).body()).contains("\"liveness\": 2");
        assertThat(count(drain(second))).isZero();
    }

    @Test
    void a_node_with_tables_is_drained_a_batch_per_poll() {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        int first = count(drain(second));
        assertThat(sendTo(1, "GET", "/api/v2/status", null).body()).contains("\"liveness\": 1");
        int polls = 0;
        int n = first;
        while (n != 0 && polls++ < 20) n = count(drain(second));
        assertThat(n).isZero();
        assertThat(get(CHANGEFEEDS + "/cf1/tables").body()).doesNotContain(second);
    }

    @Test
    void another_target_waits_until_the_first_node_has_left() {
        assertThat(count(drain(second))).isEqualTo(1);
        assertThat(count(drain(third))).isEqualTo(1);
        assertThat(sendTo(2, "GET", "/api/v2/status", null).body()).contains("\"liveness\": 0");
        fake.cluster().crash(1);
        assertThat(count(drain(second))).isZero();
        assertThat(count(drain(third))).isEqualTo(1);
        assertThat(sendTo(2, "GET", "/api/v2/status", null).body()).contains("\"liveness\": 2");
    }

    @Test
    void a_drained_node_never_becomes_the_coordinator_after_resigns() {
        assertThat(count(drain(second))).isEqualTo(1);
        assertThat(count(drain(second))).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(post("/api/v2/owner/resign", "").status()).isEqualTo(200);
            assertThat(sendTo(1, "GET", "/status", null).body()).contains("\"is_owner\": false");
        }
        assertThat(get("/api/v2/health").status()).isEqualTo(200);
    }
}
