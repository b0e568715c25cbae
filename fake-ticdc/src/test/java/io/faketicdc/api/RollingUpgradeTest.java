package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.CaptureInfo;
import io.faketicdc.FakeConfig;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rolling restart TiUP performs on one capture (pingcap/tiup pkg/cluster/api/cdcapi.go): find the owner, resign
 * it if it is the target, wait for a different owner, drain until 0, stop the process, start it
 * again, wait for liveness 0 and health 200. Over v1 as TiUP does it, and over v2.
 */
class RollingUpgradeTest extends ApiTestBase {
    private static final Pattern CAPTURE = Pattern.compile(
            "\\{\\s*\"id\": ?\"([^\"]+)\",\\s*\"is_owner\": ?(true|false),\\s*\"address\": ?\"([^\"]+)\"");

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(3);
    }

    private String ownerAddress(String capturesBody) {
        Matcher m = CAPTURE.matcher(capturesBody);
        while (m.find()) {
            if (m.group(2).equals("true")) return m.group(3);
        }
        return null;
    }

    @Test
    void tiupRestartsTheOwnerCaptureOverV1() {
        restartOwner("/api/v1/captures", "POST", "/api/v1/owner/resign", 202, true);
    }

    @Test
    void theSameRestartWorksOverV2() {
        restartOwner("/api/v2/captures", "POST", "/api/v2/owner/resign", 200, false);
    }

    private void restartOwner(String capturesPath, String resignMethod, String resignPath, int resignStatus, boolean v1) {
        create("{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}");
        create("{\"changefeed_id\":\"cf2\",\"sink_uri\":\"blackhole://\"}");
        create("{\"changefeed_id\":\"cf3\",\"sink_uri\":\"blackhole://\"}");
        String targetAddr = "127.0.0.1:" + fake.port(0);
        Http.Response captures = get(capturesPath);
        assertThat(captures.status()).isEqualTo(200);
        if (v1) assertThat(captures.body()).startsWith("[\n    {\n        \"id\": ");
        String oldOwner = ownerAddress(captures.body());
        assertThat(oldOwner).isEqualTo(targetAddr);
        String targetId = fake.cluster().capture(0).map(CaptureInfo::id).orElseThrow();

        // the target is the owner: resign, then poll until a different address is owner
        Http.Response resign = send(resignMethod, resignPath, null);
        assertThat(resign.status()).isEqualTo(resignStatus);
        if (v1) assertThat(resign.body()).isEmpty();
        String newOwner = ownerAddress(get(capturesPath).body());
        assertThat(newOwner).isNotNull().isNotEqualTo(targetAddr);

        // drain until current_table_count is 0
        int polls = 0;
        int count;
        do {
            Http.Response drain = v1
                    ? put("/api/v1/captures/drain", "{\"capture_id\":\"" + targetId + "\"}")
                    : post("/api/v2/captures/" + targetId + "/drain", null);
            assertThat(drain.status()).as(drain.body()).isEqualTo(202);
            count = Integer.parseInt(drain.body().replaceAll("\\D", ""));
            polls++;
        } while (count > 0 && polls < 20);
        assertThat(count).isZero();
        assertThat(polls).isGreaterThan(1);

        // TiUP stops the process; the cluster goes on with two captures
        fake.cluster().beginGracefulShutdown(0);
        assertThat(get(v1 ? "/api/v1/status" : "/api/v2/status").body()).contains("\"liveness\": 1");
        fake.cluster().stop(0);
        assertThat(Http.send(fake.port(1), "GET", capturesPath, null).body()).doesNotContain(targetId);

        // the new binary starts on the same address with a new capture ID
        CaptureInfo restarted = fake.cluster().start(0);
        assertThat(restarted.id()).isNotEqualTo(targetId);
        assertThat(restarted.address()).isEqualTo(targetAddr);
        Http.Response status = get(v1 ? "/api/v1/status" : "/api/v2/status");
        assertThat(status.body()).contains("\"id\": \"" + restarted.id() + "\"").contains("\"liveness\": 0");
        Http.Response health = get(v1 ? "/api/v1/health" : "/api/v2/health");
        assertThat(health.status()).isEqualTo(200);
        if (v1) assertThat(health.body()).isEmpty();
        assertThat(get(capturesPath).body()).contains(restarted.id());
    }
}
