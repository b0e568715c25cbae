package io.faketicdc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules and cluster faults are plain data: a user's own Jackson ObjectMapper writes and reads them once it finds fake-ticdc's module. */
class FaultJsonTest {
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void everyEffectSurvivesAJsonRoundTrip() throws Exception {
        List<Effect> effects = List.of(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out"),
                Effect.error("", "election: no leader"), Effect.raw(502, Map.of("Content-Type", "text/html"), "x"),
                Effect.delay(Latency.uniform(Duration.ofMillis(100), Duration.ofSeconds(2)), Effect.reset()),
                Effect.delay(Latency.logNormal(Duration.ofMillis(250), 0.5)), Effect.slowBody(Duration.ofSeconds(3), 5),
                Effect.reset(), Effect.close(), Effect.truncatedBody(), Effect.garbage("\u0000junk"), Effect.hang(),
                Effect.notReady(), Effect.noOwner(), Effect.passThrough(),
                Effect.sequence(Effect.noOwner(), Effect.noOwner(), Effect.passThrough()));
        for (Effect e : effects) {
            String text = json.writeValueAsString(e);
            assertThat(text).contains("\"kind\":\"" + e.kind() + "\"");
            assertThat(json.readValue(text, Effect.class)).as(text).isEqualTo(e);
        }
    }

    @Test
    void aRuleSurvivesAJsonRoundTrip() throws Exception {
        FaultRule rule = FaultRule.on("POST /api/v2/changefeeds/:changefeed_id/pause").id("pause-fails").slot(1)
                .namespace("default").changefeed("cf1").bodyContains("x").bodyMatches("y+").withProbability(0.25)
                .afterCommit().respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out"));
        String text = json.writeValueAsString(rule);
        assertThat(json.readValue(text, FaultRule.class)).isEqualTo(rule);
    }

    @Test
    void aScenarioFileRuleReadsWithDefaults() throws Exception {
        FaultRule rule = json.readValue("""
                {"route": "create changefeed", "schedule": {"kind": "FIRST_N", "n": 2},
                 "effect": {"kind": "delay", "latency": {"kind": "fixed", "delay": "1.5s"}}}""", FaultRule.class);
        assertThat(rule).isEqualTo(FaultRule.on("create changefeed").firstN(2).respond(Effect.delay(Duration.ofMillis(1500))));
        assertThat(rule.phase()).isEqualTo(FaultRule.Phase.INSTEAD);
    }

    @Test
    void clusterFaultsSurviveAJsonRoundTrip() throws Exception {
        List<ClusterFault> faults = List.of(new ClusterFault.Partition(1), new ClusterFault.Unresponsive(2),
                new ClusterFault.StickyOwner(), new ClusterFault.FlappingOwner(5, null),
                new ClusterFault.FlappingOwner(null, Duration.ofSeconds(30)), new ClusterFault.Unhealthy());
        for (ClusterFault f : faults) {
            String text = json.writeValueAsString(f);
            assertThat(json.readValue(text, ClusterFault.class)).as(text).isEqualTo(f);
        }
        assertThat(json.writeValueAsString(new ClusterFault.Partition(1))).isEqualTo("{\"kind\":\"partition\",\"slot\":1}");
    }
}
