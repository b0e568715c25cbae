package io.faketicdc.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
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
    @TiCdcFake(scenario = "scenarios/nope.json")
    static class WithMissingScenario {
        @Test
        void neverRuns() {
        }
    }
}
