package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two fakes with the same seed and start instant give byte-identical answers to the same requests. */
class DeterminismTest {
    private static final String[][] SCRIPT = {
        {"POST", "/api/v2/changefeeds", "{\"sink_uri\":\"blackhole://\"}"},
        {"POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"b\",\"sink_uri\":\"kafka://k:9092/t?protocol=canal-json\"}"},
        {"POST", "/api/v2/changefeeds/b/pause", null},
        {"PUT", "/api/v2/changefeeds/b", "{\"target_ts\":999999999999999999}"},
        {"POST", "/api/v2/changefeeds/b/resume", "{}"},
        {"GET", "/api/v2/changefeeds?state=all", null},
        {"GET", "/api/v2/changefeeds/b", null},
        {"GET", "/api/v2/captures", null},
        {"GET", "/api/v2/processors", null},
        {"POST", "/api/v2/tso", "{}"},
        {"GET", "/api/v2/unsafe/metadata", null},
        {"POST", "/api/v2/owner/resign", null},
        {"GET", "/api/v2/captures", null},
    };

    private static List<String> run(long seed) {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.seed(seed).captures(2).zone(ZoneOffset.UTC)
                .startInstant(Instant.parse("2026-01-02T03:04:05.678Z"))).start()) {
            List<String> answers = new ArrayList<>();
            for (String[] r : SCRIPT) {
                Http.Response resp = Http.send(fake.port(), r[0], r[1], r[2]);
                // the ports differ between two fakes; everything else must not
                answers.add(resp.status() + " " + resp.body().replace(":" + fake.port(1), ":P1").replace(":" + fake.port(0), ":P0"));
            }
            return answers;
        }
    }

    @Test
    void theSameSeedAndStartGiveByteIdenticalResponses() {
        List<String> first = run(42);
        List<String> second = run(42);
        assertThat(second).containsExactlyElementsOf(first);
        assertThat(first.get(0)).startsWith("200 {\"upstream_id\":");
    }

    @Test
    void anotherSeedGivesOtherIds() {
        assertThat(run(43).get(0)).isNotEqualTo(run(42).get(0));
    }
}
