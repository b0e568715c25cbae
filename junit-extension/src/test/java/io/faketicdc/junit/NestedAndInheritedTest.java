package io.faketicdc.junit;

import static io.faketicdc.junit.support.Kit.assertClosed;
import static io.faketicdc.junit.support.Kit.reportedPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import io.faketicdc.junit.support.Api;
import io.faketicdc.junit.support.Example;
import io.faketicdc.junit.support.Kit;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class NestedAndInheritedTest {

    @Test
    void nestedTestsUseTheEnclosingClasssAnnotationWithAFakePerTest() {
        EngineExecutionResults results = Kit.run(AnnotatedOuter.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
        assertClosed(reportedPorts(results));
    }

    @Test
    void nestedTestsShareTheEnclosingClasssStaticFakeResetBetweenTests() {
        EngineExecutionResults results = Kit.run(StaticFieldOuter.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
        assertThat(reportedPorts(results)).hasSize(3).containsOnly(reportedPorts(results).get(0));
        assertClosed(reportedPorts(results));
    }

    @Test
    void aSubclassInheritsTheAnnotationOfItsSuperclass() {
        EngineExecutionResults results = Kit.run(Subclass.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertClosed(reportedPorts(results));
    }

    /** Every test creates the same changefeed: it only succeeds on a fresh fake. */
    static void useAFreshFake(String baseUrl, TestReporter reporter) {
        reporter.publishEntry("port", baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
        assertEquals(0, Api.changefeedCount(baseUrl));
        Api.createChangefeed(baseUrl, "cf");
        assertEquals(1, Api.changefeedCount(baseUrl));
    }

    @Example
    @TiCdcFake(profile = Profile.V7_3)
    static class AnnotatedOuter {
        @Test
        void outer(URI baseUri, TestReporter reporter) {
            useAFreshFake(baseUri.toString(), reporter);
        }

        @Nested
        class Inner {
            @Test
            void inner(FakeTiCdc fake, TestReporter reporter) {
                assertEquals(Profile.V7_3, fake.config().profile());
                useAFreshFake(fake.baseUrl(), reporter);
            }

            @Nested
            class Innermost {
                @Test
                void innermost(TiCdcFakeInfo info, TestReporter reporter) {
                    assertEquals(Profile.V7_3, info.profile());
                    useAFreshFake(info.baseUrl(), reporter);
                }
            }
        }
    }

    @Example
    static class StaticFieldOuter {
        @RegisterExtension
        static TiCdcFakeExtension ticdc = TiCdcFakeExtension.builder().build();

        @Test
        void outer(TestReporter reporter) {
            useAFreshFake(ticdc.baseUrl(), reporter);
        }

        @Nested
        class Inner {
            @Test
            void first(FakeTiCdc fake, TestReporter reporter) {
                useAFreshFake(fake.baseUrl(), reporter);
            }

            @Test
            void second(TestReporter reporter) {
                useAFreshFake(ticdc.baseUrl(), reporter);
            }
        }
    }

    @TiCdcFake(captures = 2, seed = 99)
    abstract static class AnnotatedBase {
    }

    @Example
    static class Subclass extends AnnotatedBase {
        @Test
        void one(FakeTiCdc fake, TestReporter reporter) {
            assertEquals(2, fake.config().captures());
            assertEquals(99, fake.config().seed());
            useAFreshFake(fake.baseUrl(), reporter);
        }

        @Test
        void two(FakeTiCdc fake, TestReporter reporter) {
            useAFreshFake(fake.baseUrl(), reporter);
        }
    }
}
