package io.faketicdc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @TiCdcFake(pdAddrs = ...)}: the fake's upstream PD endpoints. */
class PdAddrsAttributeTest {

    @Test
    void theAnnotationSetsTheUpstreamsPdEndpoints() {
        EngineExecutionResults results = Kit.run(WithPd.class);
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    }

    @Test
    void aBadEndpointIsAConfigurationErrorNamingTheSetting() {
        EngineExecutionResults results = Kit.run(BadPd.class);
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        Throwable error = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(error).hasMessage("invalid fake TiCDC configuration: pdAddrs: 'pd:2379' is not an http or https URL"
                + " (e.g. http://127.0.0.1:2379)");
    }

    @Example
    @TiCdcFake(pdAddrs = {"http://pd-0.pd:2379", "http://pd-1.pd:2379"})
    static class WithPd {
        @Test
        void theEndpointsAreTheFakesOwn(FakeTiCdc fake) {
            assertThat(fake.config().pdAddrs()).containsExactly("http://pd-0.pd:2379", "http://pd-1.pd:2379");
        }
    }

    @Example
    @TiCdcFake(pdAddrs = "pd:2379")
    static class BadPd {
        @Test
        void neverRuns(FakeTiCdc fake) {
        }
    }
}
