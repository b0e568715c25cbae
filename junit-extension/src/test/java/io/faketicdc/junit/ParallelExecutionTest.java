package io.faketicdc.junit;

import static io.faketicdc.junit.support.Kit.assertClosed;
import static io.faketicdc.junit.support.Kit.reportedPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ParallelExecutionTest {
    /** How many example tests hold a fake right now, and the most at once (test-side bookkeeping). */
    static final AtomicInteger LIVE = new AtomicInteger();
    static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

    @Test
    void tenClassesRunningConcurrentlyEachSeeOnlyTheirOwnFake() {
        MOST_AT_ONCE.set(0);
        EngineExecutionResults results = Kit.runInParallel(4,
                Feed1.class, Feed2.class, Feed3.class, Feed4.class, Feed5.class, Feed6.class, Feed7.class,
                Feed8.class, SharedFeedA.class, SharedFeedB.class);

        results.testEvents().assertStatistics(s -> s.started(12).succeeded(12).failed(0));
        List<Integer> ports = reportedPorts(results);
        assertThat(ports).hasSize(12);
        assertThat(ports.stream().distinct().count())
                .as("8 per-test fakes, SharedFeedA's port, both capture ports of SharedFeedB").isEqualTo(11);
        assertThat(MOST_AT_ONCE.get()).as("fakes alive at the same time").isGreaterThan(1);
        assertClosed(ports);
    }

    @Test
    void testsOfOneClassSharingAStaticFakeFailFastWhenTheyRunConcurrently() {
        EngineExecutionResults results = Kit.runInParallel(4, ConcurrentMethodsOnAStaticFake.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        Throwable error = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(error).hasMessageContaining("@Execution(ExecutionMode.SAME_THREAD)");
        assertClosed(reportedPorts(results));
    }

    /** Creates a changefeed named after the test class and checks that the fake holds only it. */
    static void ownChangefeedOnly(Class<?> testClass, String baseUrl, TestReporter reporter) throws InterruptedException {
        int live = LIVE.incrementAndGet();
        MOST_AT_ONCE.accumulateAndGet(live, Math::max);
        try {
            reporter.publishEntry("port", baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
            String id = testClass.getSimpleName().toLowerCase(Locale.ROOT);
            Api.createChangefeed(baseUrl, id);
            Thread.sleep(100); // let the others create theirs meanwhile
            String list = Api.listChangefeeds(baseUrl);
            assertTrue(list.startsWith("{\"total\":1,"), list);
            assertTrue(list.contains("\"id\":\"" + id + "\""), list);
        } finally {
            LIVE.decrementAndGet();
        }
    }

    @Example
    @TiCdcFake
    abstract static class PerTestFeed {
        @Test
        void seesOnlyItsOwnChangefeed(FakeTiCdc fake, TestReporter reporter) throws InterruptedException {
            ownChangefeedOnly(getClass(), fake.baseUrl(), reporter);
        }
    }

    static class Feed1 extends PerTestFeed { }
    static class Feed2 extends PerTestFeed { }
    static class Feed3 extends PerTestFeed { }
    static class Feed4 extends PerTestFeed { }
    static class Feed5 extends PerTestFeed { }
    static class Feed6 extends PerTestFeed { }
    static class Feed7 extends PerTestFeed { }
    static class Feed8 extends PerTestFeed { }

    @Example
    @Execution(ExecutionMode.SAME_THREAD)
    static class SharedFeedA {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().build();

        @Test
        void first(TestReporter reporter) throws InterruptedException {
            ownChangefeedOnly(getClass(), ticdc.baseUrl(), reporter);
        }

        @Test
        void second(TestReporter reporter) throws InterruptedException {
            ownChangefeedOnly(getClass(), ticdc.baseUrl(), reporter);
        }
    }

    @Example
    @Execution(ExecutionMode.SAME_THREAD)
    static class SharedFeedB {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().captures(2).build();

        @Test
        void first(TestReporter reporter) throws InterruptedException {
            ownChangefeedOnly(getClass(), ticdc.baseUrl(), reporter);
        }

        @Test
        void second(FakeTiCdc fake, TestReporter reporter) throws InterruptedException {
            assertEquals(fake.baseUrl(), ticdc.baseUrl());
            ownChangefeedOnly(getClass(), fake.baseUrl(1), reporter);
        }
    }

    @Example
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentMethodsOnAStaticFake {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().build();

        @Test
        void one(TestReporter reporter) throws InterruptedException {
            holdTheFake(reporter);
        }

        @Test
        void two(TestReporter reporter) throws InterruptedException {
            holdTheFake(reporter);
        }

        private static void holdTheFake(TestReporter reporter) throws InterruptedException {
            reporter.publishEntry("port", String.valueOf(ticdc.port()));
            Thread.sleep(1000); // the other test starts meanwhile
        }
    }
}
