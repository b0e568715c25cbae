package io.faketicdc.junit;

import static io.faketicdc.junit.support.Kit.assertClosed;
import static io.faketicdc.junit.support.Kit.reported;
import static io.faketicdc.junit.support.Kit.reportedPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class RegisterExtensionTest {
    private static final String PROPERTY = "faketicdc.junit.test.base-url";

    @Test
    void aStaticFieldRunsOneFakeForTheClassOnTheSamePortsWithFreshStateForEachTest() {
        EngineExecutionResults results = Kit.run(StaticField.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
        assertThat(reportedPorts(results)).hasSize(3).containsOnly(reportedPorts(results).get(0));
        List<String> captureUrls = reported(results, "captures");
        assertThat(captureUrls).hasSize(3).containsOnly(captureUrls.get(0));
        assertClosed(reported(results, "captures").get(0).lines().map(u -> u.substring(u.lastIndexOf(':') + 1))
                .map(Integer::valueOf).toList());
    }

    @Test
    void anInstanceFieldRunsOneFakePerTest() {
        EngineExecutionResults results = Kit.run(InstanceField.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertClosed(reportedPorts(results));
    }

    @Test
    void theBuilderTurnsOnRealisticAsync() {
        Kit.run(RealisticAsync.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void exposeBaseUrlAsSetsTheSystemPropertyWhileTheFakeRunsAndRestoresItAfterwards() {
        System.setProperty(PROPERTY, "before");
        try {
            EngineExecutionResults results = Kit.run(ExposedBaseUrl.class);

            results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
            assertThat(System.getProperty(PROPERTY)).isEqualTo("before");
            assertClosed(reportedPorts(results));
        } finally {
            System.clearProperty(PROPERTY);
        }
    }

    @Example
    @TestMethodOrder(OrderAnnotation.class)
    static class StaticField {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().captures(3).seed(11).build();

        static FakeTiCdc seenByBeforeAll;

        @BeforeAll
        static void createSharedSetup(FakeTiCdc fake) {
            seenByBeforeAll = fake;
            assertSame(fake, ticdc.fake());
            Api.createChangefeed(fake.baseUrl(), "made-in-before-all");
        }

        @BeforeEach
        void sameFakeAsTheTest(FakeTiCdc fake) {
            assertSame(ticdc.fake(), fake);
        }

        @Test
        @Order(1)
        void firstTestSeesTheBeforeAllState(FakeTiCdc fake, TiCdcFakeInfo info, TestReporter reporter) {
            report(info, reporter);
            assertSame(seenByBeforeAll, fake);
            assertEquals(1, Api.changefeedCount(ticdc.baseUrl()));
            Api.createChangefeed(ticdc.baseUrl(), "made-in-test-1");
            fake.cluster().stop(2);
        }

        @Test
        @Order(2)
        void secondTestStartsFromAFreshCluster(TiCdcFakeInfo info, TestReporter reporter) {
            report(info, reporter);
            assertEquals(0, Api.changefeedCount(ticdc.baseUrl()));
            assertEquals(3, ticdc.fake().cluster().captures().size());
            assertEquals(11, ticdc.fake().config().seed());
            Api.createChangefeed(info.captureBaseUrls().get(2), "made-in-test-2");
        }

        @Test
        @Order(3)
        void thirdTestToo(TiCdcFakeInfo info, TestReporter reporter) {
            report(info, reporter);
            assertEquals(0, Api.changefeedCount(info.captureBaseUrls().get(1)));
        }

        private static void report(TiCdcFakeInfo info, TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(ticdc.port()));
            reporter.publishEntry("captures", String.join("\n", info.captureBaseUrls()));
        }
    }

    @Example
    static class InstanceField {
        @RegisterExtension
        TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().build();

        @BeforeEach
        void sameFakeAsTheField(FakeTiCdc fake) {
            assertSame(ticdc.fake(), fake);
        }

        @Test
        void one(TestReporter reporter) {
            createTheSameChangefeed(reporter);
        }

        @Test
        void two(TestReporter reporter) {
            createTheSameChangefeed(reporter);
        }

        @AfterEach
        void stillThere(FakeTiCdc fake) {
            assertSame(ticdc.fake(), fake);
            assertEquals(1, Api.changefeedCount(fake.baseUrl()));
        }

        private void createTheSameChangefeed(TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(ticdc.port()));
            Api.createChangefeed(ticdc.baseUrl(), "same-id"); // a shared fake would answer 500 the second time
            assertEquals(1, Api.changefeedCount(ticdc.baseUrl()));
        }
    }

    @Example
    static class RealisticAsync {
        @RegisterExtension
        TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().realisticAsync(true).build();

        @Test
        void createIsVisibleOneOwnerTickLater() {
            Api.createChangefeed(ticdc.baseUrl(), "cf");
            assertEquals(false, ticdc.fake().changefeed("cf").exists());
            ticdc.fake().clock().advance(Duration.ofMillis(50));
            assertEquals(true, ticdc.fake().changefeed("cf").exists());
        }
    }

    @Example
    static class ExposedBaseUrl {
        @RegisterExtension
        TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().exposeBaseUrlAs(PROPERTY).build();

        @Test
        void propertyHoldsTheBaseUrl(TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(ticdc.port()));
            assertEquals(ticdc.baseUrl(), System.getProperty(PROPERTY));
        }
    }
}
