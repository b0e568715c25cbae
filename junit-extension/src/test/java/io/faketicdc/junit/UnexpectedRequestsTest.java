package io.faketicdc.junit;

import static io.faketicdc.junit.support.Kit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** failOnUnexpectedRequests and allowOnly fail a test over the requests it made, even one that passed. */
class UnexpectedRequestsTest {

    @Test
    void a404FailsAPassingTestAndTheFailureListsTheOffendingRequests() {
        EngineExecutionResults results = Kit.run(CallsRoutesTheServerDoesNotHave.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(results)).isExactlyInstanceOf(AssertionError.class).hasMessage("""
                fake-ticdc received 2 unexpected requests:
                  #2 GET /api/v2/changefeed -> 404: no such route on the TiCDC server
                  #3 DELETE /api/v2/changefeeds -> 404: no such route on the TiCDC server
                all requests:
                #1 POST /api/v2/changefeeds -> 200 (create changefeed)
                #2 GET /api/v2/changefeed -> 404
                #3 DELETE /api/v2/changefeeds -> 404""");
        assertThat(reported(results, "fake-ticdc requests")).hasSize(1);
    }

    @Test
    void without404sTheTestPasses() {
        Kit.run(CallsOnlyRealRoutes.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void withoutTheOptionA404IsNoFailure() {
        Kit.run(Unchecked.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void aTestThatFailedAnywayKeepsItsOwnFailureWithTheUnexpectedRequestsSuppressed() {
        EngineExecutionResults results = Kit.run(FailsAndCallsAMissingRoute.class);

        Throwable failure = failure(results);
        assertThat(failure).hasMessage("failing on purpose");
        assertThat(failure.getSuppressed()).singleElement().satisfies(s -> assertThat(s)
                .hasMessageStartingWith("fake-ticdc received 1 unexpected request:\n  #1 GET /api/v2/nope -> 404"));
    }

    @Test
    void allowOnlyFailsATestThatCalledAnotherOperation() {
        EngineExecutionResults results = Kit.run(AllowOnlyBuilder.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertThat(failure(results)).hasMessageStartingWith("""
                fake-ticdc received 2 unexpected requests:
                  #2 GET /api/v2/changefeeds -> 200 (list changefeeds): not in allowOnly ["create changefeed", "get changefeed"]
                  #3 GET /api/v2/nope -> 404: no such route on the TiCDC server
                all requests:
                """);
    }

    @Test
    void allowOnlyOnTheAnnotation() {
        EngineExecutionResults results = Kit.run(AllowOnlyAnnotation.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(results)).hasMessageContaining(
                "#2 POST /api/v2/changefeeds/cf/pause -> 200 (pause changefeed): not in allowOnly [\"create changefeed\"]");
    }

    @Test
    void checkingRequestsNeedsTheJournal() {
        assertThatThrownBy(() -> TiCdcFakeExtension.builder().failOnUnexpectedRequests()
                .configure(cfg -> cfg.journalCapacity(0)).build())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("needs the request journal, but journalCapacity 0 turns it off");
        assertThatThrownBy(() -> TiCdcFakeExtension.builder().allowOnly())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Throwable failure(EngineExecutionResults results) {
        return results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    @Example
    @TiCdcFake(failOnUnexpectedRequests = true)
    static class CallsRoutesTheServerDoesNotHave {
        @Test
        void passesButMisspellsARoute(FakeTiCdc fake) {
            Api.createChangefeed(fake.baseUrl(), "cf");
            assertEquals(404, Api.call("GET", fake.baseUrl(), "/api/v2/changefeed"));
            assertEquals(404, Api.call("DELETE", fake.baseUrl(), "/api/v2/changefeeds"));
        }
    }

    @Example
    @TiCdcFake(failOnUnexpectedRequests = true)
    static class CallsOnlyRealRoutes {
        @Test
        void passes(FakeTiCdc fake) {
            Api.createChangefeed(fake.baseUrl(), "cf");
            assertEquals(400, Api.call("GET", fake.baseUrl(), "/api/v2/changefeeds/missing"));
        }
    }

    @Example
    @TiCdcFake
    static class Unchecked {
        @Test
        void passes(FakeTiCdc fake) {
            assertEquals(404, Api.call("GET", fake.baseUrl(), "/api/v2/changefeed"));
        }
    }

    @Example
    static class FailsAndCallsAMissingRoute {
        @RegisterExtension
        TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().failOnUnexpectedRequests().build();

        @Test
        void fails() {
            Api.call("GET", ticdc.baseUrl(), "/api/v2/nope");
            throw new AssertionError("failing on purpose");
        }
    }

    @Example
    static class AllowOnlyBuilder {
        @RegisterExtension
        TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder()
                .allowOnly("create changefeed", "get changefeed").build();

        @Test
        void callsOnlyAllowedOperations() {
            Api.createChangefeed(ticdc.baseUrl(), "cf");
            assertEquals(200, Api.call("GET", ticdc.baseUrl(), "/api/v2/changefeeds/cf"));
        }

        @Test
        void callsAnotherOne() {
            Api.createChangefeed(ticdc.baseUrl(), "cf");
            Api.listChangefeeds(ticdc.baseUrl());
            Api.call("GET", ticdc.baseUrl(), "/api/v2/nope");
        }
    }

    @Example
    @TiCdcFake(allowOnly = "create changefeed")
    static class AllowOnlyAnnotation {
        @Test
        void pauses(FakeTiCdc fake) {
            Api.createChangefeed(fake.baseUrl(), "cf");
            Api.call("POST", fake.baseUrl(), "/api/v2/changefeeds/cf/pause");
        }
    }
}
