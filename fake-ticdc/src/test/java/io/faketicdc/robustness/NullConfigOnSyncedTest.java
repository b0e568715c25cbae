package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A synced body whose {@code replica_config} or {@code synced_status} is {@code null} is answered
 * as the real handler answers it: it dereferences the nil pointer (pingcap/tiflow
 * cdc/api/v2/changefeed.go, {@code synced}), and gin's recovery sends a bare 500 with an empty
 * body. The fake says so deliberately (no bug of ours), and keeps serving the changefeed.
 */
class NullConfigOnSyncedTest {
    private FakeTiCdc fake;

    @BeforeEach
    void start() {
        fake = FakeTiCdc.create(c -> c.journalCapacity(0)).start();
        assertThat(send("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}").status())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Http.Response send(String method, String target, String body) {
        return Http.send(fake.port(), method, target, body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"replica_config\":null}", "{\"replica_config\":{\"synced_status\":null}}",
            "{\"REPLICA_CONFIG\":null}"})
    void aNullConfigInTheSyncedBodyIsTheRealServersBare500AndTheChangefeedStillAnswers(String body) {
        Http.Response r = send("GET", "/api/v2/changefeeds/cf1/synced", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(500);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Type")).isNull();

        assertThat(send("GET", "/api/v2/changefeeds/cf1/synced", "{}").status()).isEqualTo(200);
        assertThat(send("GET", "/api/v2/changefeeds/cf1/synced", "{\"replica_config\":{}}").status()).isEqualTo(200);
    }
}
