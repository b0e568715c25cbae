package io.faketicdc.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A scenario file named by the annotation or the builder is loaded into every test's fake. */
class ScenarioAttributeTest {

    @Test
    void theAnnotationLoadsTheScenarioBeforeEachTest() {
        Kit.run(WithAnnotation.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    }

    @Test
    void aClassScopedFakeGetsTheScenarioBackAfterEachReset() {
        Kit.run(WithStaticField.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
    }

    @Test
    void aShippedScenarioCanBeNamedDirectly() {
        Kit.run(WithShippedScenario.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void aScenarioBringsItsCaptureCount() {
        Kit.run(WithShippedScenarioAndNoCount.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void aClassScopedFakeForAScenarioKeepsItsCapturesAcrossResets() {
        Kit.run(WithShippedScenarioInAStaticField.class).testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    }

    @Test
    void anExplicitCountThatDiffersFromTheScenariosFailsTheConfigurationNamingBoth() {
        EngineExecutionResults results = Kit.run(WithConflictingCount.class);
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(0).failed(1));
        assertThat(failureMessages(results)).anySatisfy(m -> assertThat(m)
                .contains("scenario rolling-upgrade needs 3 captures, but 2 were asked for"));
        assertThatThrownBy(() -> TiCdcFakeExtension.builder().captures(2).scenario("rolling-upgrade").build())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("scenario rolling-upgrade needs 3 captures, but 2 were asked for");
    }

    private static java.util.List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage())
                .toList();
    }

    @Test
    void aMissingScenarioFailsTheConfigurationWithItsName() {
        EngineExecutionResults results = Kit.run(WithMissingScenario.class);
        assertThat(results.allEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage()))
                .anySatisfy(m -> assertThat(m).contains("scenario scenarios/nope.json").contains("no scenario on the classpath"));
    }

    @Example
    @TiCdcFake(scenario = "scenarios/two-feeds.json")
    static class WithAnnotation {
        @Test
        void seesTheSeededChangefeeds(FakeTiCdc fake) {
            assertEquals(2, fake.changefeeds().size());
            assertEquals(ChangefeedState.STOPPED, fake.changefeed("archive").state());
        }

        @Test
        void seesThemAgainInAFreshFake(FakeTiCdc fake) {
            assertEquals(2, fake.changefeeds().size());
        }
    }

    @Example
    static class WithStaticField {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().scenario("scenarios/two-feeds.json").build();

        @RepeatedTest(3)
        void startsFromTheScenarioEveryTime(FakeTiCdc fake) {
            assertEquals(2, fake.changefeeds().size());
            Api.createChangefeed(fake.baseUrl(), "extra");
            assertEquals(3, fake.changefeeds().size());
        }
    }

    @Example
    @TiCdcFake(captures = 3, scenario = "rolling-upgrade")
    static class WithShippedScenario {
        @Test
        void hasTheRollingUpgradeChangefeeds(FakeTiCdc fake) {
            assertEquals(3, fake.changefeeds().size());
        }
    }

    @Example
    @TiCdcFake(scenario = "rolling-upgrade")
    static class WithShippedScenarioAndNoCount {
        @Test
        void hasTheScenariosThreeCaptures(FakeTiCdc fake) {
            assertEquals(3, fake.config().captures());
            assertEquals(3, fake.cluster().captures().size());
            assertEquals(3, fake.changefeeds().size());
        }
    }

    @Example
    static class WithShippedScenarioInAStaticField {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().scenario("rolling-upgrade").build();

        @RepeatedTest(2)
        void hasThreeCapturesAndTheChangefeedsEveryTime(FakeTiCdc fake) {
            assertEquals(3, fake.cluster().captures().size());
            assertEquals(3, fake.changefeeds().size());
        }
    }

    @Example
    @TiCdcFake(captures = 2, scenario = "rolling-upgrade")
    static class WithConflictingCount {
        @Test
        void neverRuns() {
        }
    }

    @Example
    @TiCdcFake(scenario = "scenarios/nope.json")
    static class WithMissingScenario {
        @Test
        void neverRuns() {
        }
    }
}
