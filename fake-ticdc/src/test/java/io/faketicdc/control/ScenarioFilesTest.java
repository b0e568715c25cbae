package io.faketicdc.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.CaptureInfo;
import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.scenario.Scenario;
import io.faketicdc.scenario.ScenarioException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scenario files: the shipped ones load and play through; bad ones name the line and field. */
class ScenarioFilesTest {

    @Test
    void theRollingUpgradeScenarioGivesThreeCapturesWithTablesToDrain() {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.captures(3)).start()) {
            fake.load(Scenario.fromClasspath("rolling-upgrade"));
            assertThat(fake.changefeeds()).hasSize(3);
            assertThat(io.faketicdc.api.Http.send(fake.port(), "GET", "/api/v2/processors", null).body()).startsWith("{\"total\":9,");
        }
    }

    @Test
    void theFailsAfterLagScenarioFailsTheChangefeedAsTheClockMoves() {
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            fake.load(Scenario.fromClasspath("changefeed-fails-after-lag"));
            fake.clock().advance(Duration.ofMinutes(9));
            assertThat(fake.changefeed("orders").state()).isEqualTo(ChangefeedState.NORMAL);
            fake.clock().advance(Duration.ofMinutes(2));
            assertThat(fake.changefeed("orders").state()).isEqualTo(ChangefeedState.PENDING);
            fake.clock().advance(Duration.ofMinutes(40));
            assertThat(fake.changefeed("orders").state()).isEqualTo(ChangefeedState.FAILED);
            assertThat(fake.changefeed("orders").error()).get().extracting(e -> e.code()).isEqualTo("CDC:ErrKafkaNewProducer");
        }
    }

    @Test
    void theFlakyOwnerScenarioMovesTheOwnerOnRequestsAndOverTime() {
        try (FakeTiCdc fake = FakeTiCdc.create(c -> c.captures(3)).start()) {
            fake.load(Scenario.fromClasspath("flaky-owner"));
            io.faketicdc.api.Http.send(fake.port(), "GET", "/api/v2/captures", null);
            assertThat(fake.cluster().owner()).get().extracting(CaptureInfo::slot).isEqualTo(0);
            io.faketicdc.api.Http.send(fake.port(), "GET", "/api/v2/captures", null);
            assertThat(fake.cluster().owner()).get().extracting(CaptureInfo::slot).isEqualTo(1);
            fake.clock().advance(Duration.ofMinutes(1));
            assertThat(fake.cluster().owner()).get().extracting(CaptureInfo::slot).isEqualTo(2);
        }
    }

    @Test
    void aScenarioNeedingMoreCapturesIsRefused() {
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            assertThatThrownBy(() -> fake.load(Scenario.fromClasspath("flaky-owner")))
                    .hasMessage("scenario flaky-owner needs 3 captures; this fake has 1");
        }
    }

    @Test
    void aFakeCreatedForAScenarioTakesItsCapturesLoadsItOnStartAndAgainOnReset() {
        Scenario upgrade = Scenario.fromClasspath("rolling-upgrade");
        try (FakeTiCdc fake = FakeTiCdc.create(upgrade, cfg -> cfg.seed(7)).start()) {
            assertThat(fake.config().captures()).isEqualTo(3);
            assertThat(fake.config().seed()).isEqualTo(7);
            assertThat(fake.cluster().captures()).hasSize(3);
            assertThat(fake.changefeeds()).hasSize(3);
            io.faketicdc.api.Http.send(fake.port(), "DELETE", "/api/v2/changefeeds/orders", null);
            assertThat(fake.changefeeds()).hasSize(2);
            fake.reset();
            assertThat(fake.changefeeds()).hasSize(3);
        }
        try (FakeTiCdc fake = FakeTiCdc.create(upgrade, cfg -> cfg.captures(3)).start()) {
            assertThat(fake.cluster().captures()).as("the same count, set explicitly").hasSize(3);
        }
        try (FakeTiCdc fake = FakeTiCdc.create((Scenario) null, cfg -> { }).start()) {
            assertThat(fake.config().captures()).as("no scenario: one capture").isEqualTo(1);
            assertThat(fake.changefeeds()).isEmpty();
        }
    }

    @Test
    void anExplicitCountThatDiffersFromTheScenariosIsAnErrorNamingBoth() {
        assertThatThrownBy(() -> FakeTiCdc.create(Scenario.fromClasspath("flaky-owner"), cfg -> cfg.captures(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scenario flaky-owner needs 3 captures, but 2 were asked for: leave the count out to take the"
                        + " scenario's, or make it 3");
    }

    @Test
    void anUnknownKindNamesTheLineAndField() {
        String json = "{\n  \"steps\": [\n    {\"after\": \"1m\", \"cluster\": \"RESIGN\"}\n  ]\n}";
        assertThatThrownBy(() -> Scenario.parse(json, "s.json")).isInstanceOf(ScenarioException.class)
                .hasMessage("s.json:3: steps[0].cluster: unknown value 'RESIGN' (expected one of RESIGN_OWNER, UNHEALTHY, HEALTHY, ADD_CAPTURE)");
    }

    @Test
    void aTypoInAFieldNameIsAnError() {
        String json = "{\n  \"changefeeds\": [\n    {\"id\": \"a\",\n     \"sinkuri\": \"blackhole://\"}\n  ]\n}";
        assertThatThrownBy(() -> Scenario.parse(json, "s.json")).hasMessageStartingWith("s.json:4: changefeeds[0].sinkuri: unknown field");
    }

    @Test
    void badDurationsAndMissingActionsAreNamed() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\":[{\"after\":\"ten minutes\",\"cluster\":\"HEALTHY\"}]}", "x"))
                .hasMessageContaining("x:1: steps[0].after: not a duration: ten minutes");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\":[{\"after\":\"1m\"}]}", "x"))
                .hasMessage("x:1: steps[0]: a step names exactly one of changefeed, capture, cluster or downstream");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\":[{\"changefeed\":\"a\",\"kind\":\"ERROR\"}]}", "x"))
                .hasMessage("x:1: steps[0]: ERROR needs an error code");
    }

    @Test
    void aScenarioCanCarryFaults() {
        String json = "{\"changefeeds\":[{\"id\":\"a\"}],\"faults\":[{\"route\":\"pause changefeed\","
                + "\"schedule\":{\"kind\":\"FIRST_N\",\"n\":1},\"effect\":{\"kind\":\"error\",\"status\":500,"
                + "\"code\":\"CDC:ErrEtcdTryAgain\",\"message\":\"etcdserver: request timed out\"}}]}";
        try (FakeTiCdc fake = FakeTiCdc.create().start()) {
            fake.load(Scenario.parse(json, "inline"));
            assertThat(io.faketicdc.api.Http.send(fake.port(), "POST", "/api/v2/changefeeds/a/pause", null).status()).isEqualTo(500);
            assertThat(io.faketicdc.api.Http.send(fake.port(), "POST", "/api/v2/changefeeds/a/pause", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aBadFaultInAScenarioNamesItsLine() {
        String json = "{\n\"faults\": [\n  {\"kind\": \"meteor\"}\n]}";
        assertThatThrownBy(() -> Scenario.parse(json, "f.json")).hasMessageStartingWith("f.json:3: faults[0]: not a valid cluster fault");
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertThatThrownBy(() -> Scenario.parse("{\n\"name\": \"x\",\n}", "x.json")).hasMessageStartingWith("x.json:3: not valid JSON");
    }
}
