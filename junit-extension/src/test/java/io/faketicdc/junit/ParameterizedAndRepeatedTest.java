package io.faketicdc.junit;

import static io.faketicdc.junit.support.Kit.assertClosed;
import static io.faketicdc.junit.support.Kit.reportedPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ParameterizedAndRepeatedTest {

    @Test
    void eachInvocationOfAParameterizedTestGetsItsOwnFake() {
        EngineExecutionResults results = Kit.run(Parameterized.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
        assertClosed(reportedPorts(results));
    }

    @Test
    void eachRepetitionGetsItsOwnFake() {
        EngineExecutionResults results = Kit.run(Repeated.class);

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4).failed(0));
        assertClosed(reportedPorts(results));
    }

    @Test
    void repetitionsOfAStaticFieldTestShareThePortButStartFresh() {
        EngineExecutionResults results = Kit.run(RepeatedWithStaticField.class);

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4).failed(0));
        assertThat(reportedPorts(results)).hasSize(4).containsOnly(reportedPorts(results).get(0));
        assertClosed(reportedPorts(results));
    }

    static void createAlone(FakeTiCdc fake, String id, TestReporter reporter) {
        reporter.publishEntry("port", String.valueOf(fake.port()));
        Api.createChangefeed(fake.baseUrl(), id);
        assertEquals(1, Api.changefeedCount(fake.baseUrl()));
    }

    @Example
    @TiCdcFake
    static class Parameterized {
        @ParameterizedTest
        @ValueSource(strings = {"a", "b", "c"})
        void createsOneChangefeed(String id, FakeTiCdc fake, TestReporter reporter) {
            createAlone(fake, id, reporter);
        }
    }

    @Example
    @TiCdcFake
    static class Repeated {
        @RepeatedTest(4)
        void createsTheSameChangefeed(RepetitionInfo repetition, FakeTiCdc fake, TestReporter reporter) {
            createAlone(fake, "same", reporter);
        }
    }

    @Example
    static class RepeatedWithStaticField {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().build();

        @RepeatedTest(4)
        void createsTheSameChangefeed(FakeTiCdc fake, TestReporter reporter) {
            createAlone(fake, "same", reporter);
        }
    }
}
