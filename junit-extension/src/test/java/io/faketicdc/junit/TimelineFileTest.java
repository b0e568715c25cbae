package io.faketicdc.junit;

import static io.faketicdc.junit.support.Kit.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A failing test's fake writes its timeline page, with its state and journal embedded, to a file. */
class TimelineFileTest {
    private static final String KEY = "fake-ticdc timeline";

    @Test
    void aFailingTestWritesItsTimelineBesideTheSurefireReportsAndSaysWhere() throws Exception {
        EngineExecutionResults results = Kit.run(FailsAfterTwoRequests.class);

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        List<String> paths = reported(results, KEY);
        assertThat(paths).hasSize(1);
        Path file = Path.of(paths.get(0));
        assertThat(file).isEqualTo(Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("target/surefire-reports/fake-ticdc/" + FailsAfterTwoRequests.class.getName() + "-fails.html")
                .toAbsolutePath());
        String html = Files.readString(file, StandardCharsets.UTF_8);
        String data = html.substring(html.indexOf("<script type=\"application/json\" id=\"fake-data\">"));
        data = data.substring(0, data.indexOf("</script>"));
        assertThat(data).contains("\"sequence\":1,").contains("\"method\":\"POST\",\"path\":\"/api/v2/changefeeds\"")
                .contains("\"operation\":\"create changefeed\"").contains("\"operation\":\"list changefeeds\"")
                .contains("\"id\":\"cf\",\"state\":\"normal\"").doesNotContain("\"sequence\":3,");
        assertThat(Kit.standardError())
                .contains(KEY + " of FailsAfterTwoRequests > fails(FakeTiCdc): " + file.toUri());
    }

    @Test
    void aPassingTestWritesNothing() {
        EngineExecutionResults results = Kit.run(Passes.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(reported(results, KEY)).isEmpty();
    }

    @Test
    void eachFailingInvocationOfAParameterizedTestGetsItsOwnFile() {
        EngineExecutionResults results = Kit.run(ParameterizedFails.class);

        assertThat(reported(results, KEY)).hasSize(2).allSatisfy(p -> assertThat(Path.of(p)).exists())
                .anySatisfy(p -> assertThat(p).endsWith("-fails-1.html"))
                .anySatisfy(p -> assertThat(p).endsWith("-fails-2.html"));
    }

    @Test
    void theSwitchTurnsTheFileOff() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Example.ENABLED, "true")
                .configurationParameter("fake-ticdc.timeline", "false")
                .selectors(selectClass(FailsAfterTwoRequests.class))
                .execute();

        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(reported(results, KEY)).isEmpty();
        assertThat(reported(results, "fake-ticdc requests")).hasSize(1);
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
    static class Passes {
        @Test
        @TiCdcFake
        void passes(FakeTiCdc fake) {
            Api.listChangefeeds(fake.baseUrl());
        }
    }

    @Example
    static class ParameterizedFails {
        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        @TiCdcFake
        void fails(int n, FakeTiCdc fake) {
            Api.listChangefeeds(fake.baseUrl());
            throw new AssertionError("failing on purpose " + n);
        }
    }
}
