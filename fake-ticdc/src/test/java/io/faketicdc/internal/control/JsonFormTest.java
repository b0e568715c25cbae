package io.faketicdc.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.RecordedRequest;
import io.faketicdc.faults.ClusterFault;
import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.faults.Latency;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON forms of the public fault records and of journal records, byte for byte, as the control
 * API and scenario files write and read them (the fake's own ObjectMapper, not the records, owns
 * the mapping).
 */
class JsonFormTest {
    private static final ObjectMapper MAPPER = ScenarioReader.MAPPER;

    @Test
    void everyEffectKeepsItsJsonFormAndReadsBack() throws Exception {
        List<String> expected = List.of(
                "{\"kind\":\"error\",\"status\":500,\"code\":\"CDC:ErrEtcdTryAgain\",\"message\":\"etcdserver: request timed out\"}",
                "{\"kind\":\"error\",\"status\":null,\"code\":\"\",\"message\":\"election: no leader\"}",
                "{\"kind\":\"raw\",\"status\":502,\"headers\":{\"Content-Type\":\"text/html\"},\"body\":\"x\"}",
                "{\"kind\":\"delay\",\"latency\":{\"kind\":\"uniform\",\"min\":\"100ms\",\"max\":\"2s\"},\"then\":{\"kind\":\"reset\"}}",
                "{\"kind\":\"delay\",\"latency\":{\"kind\":\"log-normal\",\"median\":\"250ms\",\"sigma\":0.5},\"then\":null}",
                "{\"kind\":\"delay\",\"latency\":{\"kind\":\"fixed\",\"delay\":\"1.5s\"},\"then\":null}",
                "{\"kind\":\"slow-body\",\"over\":\"3s\",\"chunks\":5}",
                "{\"kind\":\"reset\"}",
                "{\"kind\":\"close\"}",
                "{\"kind\":\"truncated-body\"}",
                "{\"kind\":\"garbage\",\"bytes\":\"\\u0000junk\"}",
                "{\"kind\":\"hang\"}",
                "{\"kind\":\"not-ready\"}",
                "{\"kind\":\"no-owner\"}",
                "{\"kind\":\"pass-through\"}",
                "{\"kind\":\"sequence\",\"effects\":[{\"kind\":\"no-owner\"},{\"kind\":\"delay\",\"latency\":{\"kind\":\"fixed\",\"delay\":\"2m0s\"},\"then\":{\"kind\":\"no-owner\"}},{\"kind\":\"pass-through\"}]}");
        List<Effect> effects = effects();
        for (int i = 0; i < effects.size(); i++) {
            String text = MAPPER.writerFor(Effect.class).writeValueAsString(effects.get(i));
            assertThat(text).isEqualTo(expected.get(i));
            assertThat(MAPPER.readValue(text, Effect.class)).isEqualTo(effects.get(i));
            assertThat(text).startsWith("{\"kind\":\"" + effects.get(i).kind() + "\"");
        }
    }

    @Test
    void everyClusterFaultKeepsItsJsonFormAndReadsBack() throws Exception {
        List<String> expected = List.of(
                "{\"kind\":\"partition\",\"slot\":1}",
                "{\"kind\":\"unresponsive\",\"slot\":2}",
                "{\"kind\":\"sticky-owner\"}",
                "{\"kind\":\"flapping-owner\",\"everyRequests\":5,\"every\":null}",
                "{\"kind\":\"flapping-owner\",\"everyRequests\":null,\"every\":\"30s\"}",
                "{\"kind\":\"unhealthy\"}");
        List<ClusterFault> faults = clusterFaults();
        for (int i = 0; i < faults.size(); i++) {
            String text = MAPPER.writerFor(ClusterFault.class).writeValueAsString(faults.get(i));
            assertThat(text).isEqualTo(expected.get(i));
            assertThat(MAPPER.readValue(text, ClusterFault.class)).isEqualTo(faults.get(i));
            assertThat(text).startsWith("{\"kind\":\"" + faults.get(i).kind() + "\"");
        }
    }

    @Test
    void rulesKeepTheirJsonFormWithoutNullsOrTheJavaOnlyPredicate() throws Exception {
        assertThat(MAPPER.writeValueAsString(MAPPER.valueToTree(rules()))).isEqualTo(
                "[{\"id\":\"pause-fails\",\"route\":\"POST /api/v2/changefeeds/:changefeed_id/pause\",\"slot\":1,\"namespace\":\"default\",\"changefeed\":\"cf1\",\"bodyContains\":\"x\",\"bodyMatches\":\"y+\",\"schedule\":{\"kind\":\"PROBABILITY\",\"n\":0,\"probability\":0.25},\"phase\":\"AFTER_COMMIT\",\"effect\":{\"kind\":\"error\",\"status\":500,\"code\":\"CDC:ErrEtcdTryAgain\",\"message\":\"etcdserver: request timed out\"}},{\"route\":\"create changefeed\",\"schedule\":{\"kind\":\"FIRST_N\",\"n\":2,\"probability\":0.0},\"phase\":\"INSTEAD\",\"effect\":{\"kind\":\"delay\",\"latency\":{\"kind\":\"fixed\",\"delay\":\"1.5s\"},\"then\":null}},{\"schedule\":{\"kind\":\"EVERY_NTH\",\"n\":3,\"probability\":0.0},\"phase\":\"INSTEAD\",\"effect\":{\"kind\":\"hang\"}}]");
        for (FaultRule rule : rules().subList(0, 1)) {
            assertThat(MAPPER.readValue(MAPPER.writeValueAsString(rule), FaultRule.class)).isEqualTo(rule);
        }
    }

    @Test
    void aJournalRecordKeepsItsJsonFormWithItsBodiesAsText() throws Exception {
        assertThat(MAPPER.writeValueAsString(MAPPER.valueToTree(List.of(request())))).isEqualTo(
                "[{\"sequence\":7,\"time\":\"2026-08-20T08:17:08.123Z\",\"slot\":1,\"port\":8301,\"method\":\"POST\",\"path\":\"/api/v2/changefeeds/cf1/pause\",\"rawQuery\":\"namespace=default\",\"headers\":{\"Host\":[\"127.0.0.1:8300\"],\"Content-Type\":[\"application/json\"]},\"operation\":\"pause changefeed\",\"forwardedTo\":0,\"forwardedFrom\":null,\"status\":500,\"contentType\":\"application/json\",\"responseHeaders\":{\"Location\":\"/x\"},\"fault\":\"fault-1\",\"faultEffect\":\"delay+error\",\"durationNanos\":1234,\"bodyText\":\"{\\\"a\\\":1}\",\"responseBodyText\":\"{\\\"error_msg\\\":\\\"e\\\"}\"}]");
    }

    @Test
    void faultsReadGoAndIsoDurationsAndDefaultsAsInScenarioFiles() {
        Fields f = new Fields("test", Map.of());
        Object rule = FaultJson.fault(MAPPER.getNodeFactory().objectNode().put("route", "create changefeed")
                .set("effect", MAPPER.createObjectNode().put("kind", "slow-body").put("over", "PT1.5S").put("chunks", 2)),
                "", f);
        assertThat(rule).isEqualTo(FaultRule.on("create changefeed").respond(Effect.slowBody(Duration.ofMillis(1500), 2)));
        Object flapping = FaultJson.fault(MAPPER.createObjectNode().put("kind", "flapping-owner").put("every", "1m30s"), "", f);
        assertThat(flapping).isEqualTo(new ClusterFault.FlappingOwner(null, Duration.ofSeconds(90)));
    }

    static List<Effect> effects() {
        return List.of(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out"),
                Effect.error("", "election: no leader"), Effect.raw(502, Map.of("Content-Type", "text/html"), "x"),
                Effect.delay(Latency.uniform(Duration.ofMillis(100), Duration.ofSeconds(2)), Effect.reset()),
                Effect.delay(Latency.logNormal(Duration.ofMillis(250), 0.5)), Effect.delay(Duration.ofMillis(1500)),
                Effect.slowBody(Duration.ofSeconds(3), 5), Effect.reset(), Effect.close(), Effect.truncatedBody(),
                Effect.garbage("\u0000junk"), Effect.hang(), Effect.notReady(), Effect.noOwner(), Effect.passThrough(),
                Effect.sequence(Effect.noOwner(), Effect.delay(Latency.fixed(Duration.ofMinutes(2)), Effect.noOwner()), Effect.passThrough()));
    }

    static List<ClusterFault> clusterFaults() {
        return List.of(new ClusterFault.Partition(1), new ClusterFault.Unresponsive(2), new ClusterFault.StickyOwner(),
                new ClusterFault.FlappingOwner(5, null), new ClusterFault.FlappingOwner(null, Duration.ofSeconds(30)),
                new ClusterFault.Unhealthy());
    }

    static List<FaultRule> rules() {
        return List.of(FaultRule.on("POST /api/v2/changefeeds/:changefeed_id/pause").id("pause-fails").slot(1)
                        .namespace("default").changefeed("cf1").bodyContains("x").bodyMatches("y+").withProbability(0.25)
                        .afterCommit().respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out")),
                FaultRule.on("create changefeed").firstN(2).body(s -> true).respond(Effect.delay(Duration.ofMillis(1500))),
                FaultRule.onAnyRequest().everyNth(3).respond(Effect.hang()));
    }

    static RecordedRequest request() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:8300"));
        headers.put("Content-Type", List.of("application/json"));
        return new RecordedRequest(7, Instant.parse("2026-08-20T08:17:08.123Z"), 1, 8301, "POST",
                "/api/v2/changefeeds/cf1/pause", "namespace=default", headers, "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "pause changefeed", 0, null, 500, "application/json", Map.of("Location", "/x"),
                "{\"error_msg\":\"e\"}".getBytes(StandardCharsets.UTF_8), "fault-1", "delay+error", 1234);
    }
}
