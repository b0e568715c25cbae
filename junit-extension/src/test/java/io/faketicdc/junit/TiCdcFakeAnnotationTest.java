package io.faketicdc.junit;

import static io.faketicdc.junit.support.Kit.assertClosed;
import static io.faketicdc.junit.support.Kit.reportedPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class TiCdcFakeAnnotationTest {

    @Test
    void anAnnotatedClassGetsAFreshFakeForEachTestConfiguredByTheAnnotation() {
        EngineExecutionResults results = Kit.run(AnnotatedClass.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertClosed(reportedPorts(results));
    }

    @Test
    void anAnnotatedMethodGetsAFakeAndItsAnnotationWinsOverTheClasss() {
        EngineExecutionResults results = Kit.run(AnnotatedMethod.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
        assertClosed(reportedPorts(results));
    }

    @Test
    void realisticAsyncMakesCreatesVisibleOneOwnerTickLater() {
        EngineExecutionResults results = Kit.run(RealisticAsync.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
    }

    @Test
    void aFailingTestStillClosesItsFake() {
        EngineExecutionResults results = Kit.run(FailingTest.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(0).failed(1));
        assertThat(reportedPorts(results)).hasSize(1);
        assertClosed(reportedPorts(results));
    }

    @Test
    void aPerTestFakeCannotBeInjectedIntoBeforeAllAndTheErrorSaysWhy() {
        EngineExecutionResults results = Kit.run(InjectedIntoBeforeAll.class);

        results.containerEvents().assertStatistics(s -> s.failed(1));
        Throwable error = results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(error).hasMessageContaining("@TiCdcFake and an instance field start one per test");
    }

    @Example
    @TiCdcFake(captures = 3, profile = Profile.V7_3, seed = 7, startInstant = "2024-01-02T03:04:05Z",
            serverVersion = "v7.3.9")
    static class AnnotatedClass {
        private FakeTiCdc seenByBeforeEach;

        @BeforeEach
        void remember(FakeTiCdc fake) {
            seenByBeforeEach = fake;
        }

        @Test
        void configured(FakeTiCdc fake, URI baseUri, TiCdcFakeInfo info, TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(fake.port()));
            assertSame(seenByBeforeEach, fake);
            assertEquals(fake.baseUri(), baseUri);
            assertEquals(new TiCdcFakeInfo(fake.baseUrl(), fake.port(),
                    List.of(fake.baseUrl(0), fake.baseUrl(1), fake.baseUrl(2)), Profile.V7_3), info);
            assertEquals(3, fake.cluster().captures().size());
            assertEquals(7, fake.config().seed());
            assertEquals(Instant.parse("2024-01-02T03:04:05Z"), fake.config().startInstant());
            assertEquals("v7.3.9", fake.config().effectiveVersion());
            Api.createChangefeed(fake.baseUrl(), "only-in-this-test");
            assertEquals(1, Api.changefeedCount(fake.baseUrl()));
        }

        @Test
        void fresh(FakeTiCdc fake, TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(fake.port()));
            assertSame(seenByBeforeEach, fake);
            assertEquals(0, Api.changefeedCount(fake.baseUrl()));
        }
    }

    @Example
    @TiCdcFake
    static class AnnotatedMethod {
        @Test
        void classDefaults(FakeTiCdc fake, TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(fake.port()));
            assertEquals(Profile.MASTER, fake.config().profile());
            assertEquals(1, fake.config().captures());
        }

        @Test
        @TiCdcFake(profile = Profile.V7_3, captures = 2)
        void ownAnnotation(TiCdcFakeInfo info, TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(info.port()));
            assertEquals(Profile.V7_3, info.profile());
            assertEquals(2, info.captureBaseUrls().size());
        }

        @Test
        @TiCdcFake(profile = Profile.NEWARCH)
        void theNewArchitecture(FakeTiCdc fake, TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(fake.port()));
            assertEquals(Profile.NEWARCH, fake.config().profile());
            assertEquals("v8.5.7", fake.config().effectiveVersion());
            Api.createChangefeed(fake.baseUrl(), "cf");
            assertEquals(true, fake.changefeed("cf").exists());
        }
    }

    @Example
    static class RealisticAsync {
        @Test
        @TiCdcFake(realisticAsync = true)
        void annotation(FakeTiCdc fake) {
            assertEquals(true, fake.config().realisticAsync());
            Api.createChangefeed(fake.baseUrl(), "cf");
            assertEquals(false, fake.changefeed("cf").exists(), "the owner has not ticked yet");
            fake.clock().advance(Duration.ofMillis(50));
            assertEquals(true, fake.changefeed("cf").exists());
        }

        @Test
        @TiCdcFake
        void offByDefault(FakeTiCdc fake) {
            assertEquals(false, fake.config().realisticAsync());
            Api.createChangefeed(fake.baseUrl(), "cf");
            assertEquals(true, fake.changefeed("cf").exists());
        }
    }

    @Example
    static class FailingTest {
        @Test
        @TiCdcFake
        void failsOnPurpose(FakeTiCdc fake, TestReporter reporter) {
            reporter.publishEntry("port", String.valueOf(fake.port()));
            throw new AssertionError("failing on purpose");
        }
    }

    @Example
    @TiCdcFake
    static class InjectedIntoBeforeAll {
        @BeforeAll
        static void tooEarly(FakeTiCdc fake) {
            throw new AssertionError("never called");
        }

        @Test
        void never() {
        }
    }
}
