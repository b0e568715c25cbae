package io.faketicdc.junit;

import static io.faketicdc.junit.support.Kit.reported;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A failing test publishes its fake's request journal; a passing one publishes nothing. */
class FailureReportTest {
    private static final String KEY = "fake-ticdc requests";

    @Test
    void aFailingTestPublishesTheRequestsItMadeAndPrintsThemToStandardError() {
        EngineExecutionResults results = Kit.run(FailsAfterTwoRequests.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        String expected = "#1 POST /api/v2/changefeeds -> 200 (create changefeed)\n"
                + "#2 GET /api/v2/changefeeds -> 200 (list changefeeds)";
        assertThat(reported(results, KEY)).containsExactly(expected);
        assertThat(Kit.standardError())
                .contains(KEY + " of FailsAfterTwoRequests > fails(FakeTiCdc):\n" + expected);
    }

    @Test
    void aPassingTestPublishesNothing() {
        EngineExecutionResults results = Kit.run(PassesAfterTwoRequests.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(reported(results, KEY)).isEmpty();
    }

    @Test
    void aFailingAfterEachMethodPublishesTheRequestsItMadeToo() {
        EngineExecutionResults results = Kit.run(FailsInAfterEach.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(reported(results, KEY)).containsExactly(
                "#1 POST /api/v2/changefeeds -> 200 (create changefeed)\n"
                        + "#2 GET /api/v2/changefeeds -> 200 (list changefeeds)");
    }

    @Test
    void aClassScopedFakePublishesOnlyTheFailingTestsRequests() {
        EngineExecutionResults results = Kit.run(SharedFakeSecondTestFails.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertThat(reported(results, KEY)).containsExactly("#2 POST /api/v2/changefeeds -> 200 (create changefeed)");
    }

    @Test
    void aFailingTestWithoutRequestsSaysSo() {
        EngineExecutionResults results = Kit.run(FailsWithoutRequests.class);

        assertThat(reported(results, KEY)).containsExactly("(no requests)");
    }

    @Example
    static class FailsAfterTwoRequests {
        @Test
        @TiCdcFake
        void fails(FakeTiCdc fake) {
            Api.createChangefeed(fake.baseUrl(), "cf");
            Api.listChangefeeds(fake.baseUrl());
            throw new AssertionError("failing on purpose");
        }
    }

    @Example
    static class PassesAfterTwoRequests {
        @Test
        @TiCdcFake
        void passes(FakeTiCdc fake) {
            Api.createChangefeed(fake.baseUrl(), "cf");
            Api.listChangefeeds(fake.baseUrl());
        }
    }

    @Example
    @TiCdcFake
    static class FailsInAfterEach {
        @Test
        void passes(FakeTiCdc fake) {
            Api.createChangefeed(fake.baseUrl(), "cf");
        }

        @AfterEach
        void failsAfterAnotherRequest(FakeTiCdc fake) {
            Api.listChangefeeds(fake.baseUrl());
            throw new AssertionError("failing on purpose");
        }
    }

    @Example
    @TestMethodOrder(OrderAnnotation.class)
    static class SharedFakeSecondTestFails {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().build();

        @Test
        @Order(1)
        void passes() {
            Api.listChangefeeds(ticdc.baseUrl());
        }

        @Test
        @Order(2)
        void fails() {
            Api.createChangefeed(ticdc.baseUrl(), "cf");
            throw new AssertionError("failing on purpose");
        }
    }

    @Example
    static class FailsWithoutRequests {
        @Test
        @TiCdcFake
        void fails() {
            throw new AssertionError("failing on purpose");
        }
    }
}
