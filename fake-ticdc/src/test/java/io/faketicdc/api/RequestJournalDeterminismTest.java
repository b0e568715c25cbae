package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two fakes with the same seed and start running the same script keep the same journal. */
class RequestJournalDeterminismTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String[][] SCRIPT = {
        {"0", "POST", "/api/v2/changefeeds", "{\"sink_uri\":\"blackhole://\"}"},
        {"1", "POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"b\",\"sink_uri\":\"blackhole://\"}"},
        {"1", "POST", "/api/v2/changefeeds/b/pause", null},
        {"0", "GET", "/api/v2/changefeeds?state=all", null},
        {"1", "GET", "/api/v2/captures", null},
        {"0", "GET", "/api/v2/changefeeds/", null},
        {"1", "GET", "/nope", null},
    };

    /** Each record as JSON, without its duration and with the fake's ports replaced by P0, P1. */
    private static List<String> run() throws Exception {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.seed(42).captures(2).zone(ZoneOffset.UTC)
                .startInstant(Instant.parse("2026-01-02T03:04:05.678Z"))).start()) {
            for (String[] r : SCRIPT) Http.send(fake.port(Integer.parseInt(r[0])), r[1], r[2], r[3]);
            List<String> journal = new ArrayList<>();
            for (RecordedRequest r : fake.requests().all()) {
                ObjectNode node = JSON.valueToTree(r);
                node.remove("durationNanos");
                node.remove("port");
                journal.add(node.toString().replace(":" + fake.port(1), ":P1").replace(":" + fake.port(0), ":P0"));
            }
            return journal;
        }
    }

    @Test
    void theSameSeedStartAndScriptGiveTheSameJournalButForDurationsAndPorts() throws Exception {
        List<String> first = run();
        assertThat(first).hasSize(SCRIPT.length);
        assertThat(run()).containsExactlyElementsOf(first);
        assertThat(first.get(2)).contains("\"forwardedTo\":0").contains("\"operation\":\"pause changefeed\"");
    }
}
