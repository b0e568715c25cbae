package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The control API checks a request whole before anything changes: a batch of steps, seeds or
 * faults applies all or nothing, the clock stays within the TSO range, and every error names the
 * field in the fake's words (never a Java class or an exception's text). After each refusal the
 * fake's state is what it was, and every route still answers.
 */
class ControlBatchesAreAllOrNothingTest {
    private static final Pattern JAVA_TEXT = Pattern.compile("java\\.|io\\.faketicdc\\.|Exception|\\(class |com\\.fasterxml");
    private static final Instant START = Instant.parse("2026-08-20T08:17:08.123Z");
    private FakeTiCdc fake;

    @BeforeEach
    void start() {
        fake = FakeTiCdc.create(c -> c.controlApi(true).captures(2).startInstant(START)).start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Http.Response post(String target, String body) {
        return Http.send(fake.port(), "POST", target, body, "Content-Type: application/json");
    }

    private String state() {
        return Http.send(fake.port(), "GET", "/fake/v1/state", null).body();
    }

    private static void assertRefused(Http.Response r, int status, String... mentions) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).as("our own words").doesNotContainPattern(JAVA_TEXT).contains(mentions);
    }

    private void assertStillServing() {
        assertThat(Http.send(fake.port(), "GET", "/api/v2/health", null).status()).isEqualTo(200);
        assertThat(Http.send(fake.port(), "GET", "/api/v2/changefeeds", null).status()).isEqualTo(200);
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/state", null).status()).isEqualTo(200);
    }

    @Test
    void aStepBatchWithABadSlotMovesNoOwner() {
        String before = state();
        assertRefused(post("/fake/v1/steps", "[{\"cluster\":\"RESIGN_OWNER\"},\n{\"capture\":9,\"kind\":\"STOP\"}]"), 400,
                "[1]", "no capture slot 9");
        assertThat(state()).isEqualTo(before);
        assertStillServing();
    }

    @Test
    void aStepBatchNamingAStoppedProcessOrAMissingChangefeedChangesNothing() {
        String before = state();
        assertRefused(post("/fake/v1/steps", "[{\"capture\":1,\"kind\":\"STOP\"},{\"capture\":1,\"kind\":\"NOT_READY\"}]"), 409,
                "[1]", "no capture process runs in slot 1");
        assertRefused(post("/fake/v1/steps", "[{\"cluster\":\"UNHEALTHY\"},{\"changefeed\":\"nope\",\"kind\":\"PAUSE\"}]"), 409,
                "[1]", "no changefeed");
        assertThat(state()).isEqualTo(before);
        // played forward: a slot added by an earlier step of the batch may be named
        assertThat(post("/fake/v1/steps", "[{\"cluster\":\"ADD_CAPTURE\"},{\"capture\":2,\"kind\":\"NOT_READY\"}]").status())
                .isEqualTo(200);
    }

    @Test
    void aFaultBatchWithABadSlotLeavesNoStickyOwner() {
        String before = Http.send(fake.port(), "GET", "/fake/v1/faults", null).body();
        assertRefused(post("/fake/v1/faults", "[{\"kind\":\"sticky-owner\"},{\"kind\":\"partition\",\"slot\":9}]"), 400,
                "[1]", "no capture slot 9");
        assertRefused(post("/fake/v1/faults", "[{\"id\":\"a\",\"effect\":{\"kind\":\"reset\"}},"
                + "{\"id\":\"a\",\"effect\":{\"kind\":\"reset\"}}]"), 400, "[1]", "a fault with ID a is already installed");
        assertRefused(post("/fake/v1/faults", "[{\"kind\":\"unhealthy\"},{\"route\":\"no such route\",\"effect\":{\"kind\":\"reset\"}}]"),
                400, "[1]", "no route with operation");
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/faults", null).body()).isEqualTo(before);
        assertThat(Http.send(fake.port(), "GET", "/api/v2/health", null).status()).isEqualTo(200);
        assertStillServing();
    }

    @Test
    void aSeedBatchWithABadSinkOrADuplicateAddsNoChangefeed() {
        String before = state();
        assertRefused(post("/fake/v1/changefeeds", "[{\"id\":\"a\"},{\"id\":\"b\",\"sinkUri\":\"kafka://k:9092/t?protocol=nope\"}]"),
                400, "[1]");
        assertRefused(post("/fake/v1/changefeeds", "[{\"id\":\"a\"},{\"id\":\"a\"}]"), 400, "[1]", "already exists");
        assertThat(state()).isEqualTo(before);
        assertStillServing();
    }

    @Test
    void aScenarioWithABadStepSeedsNothingAndAddsNoFault() {
        String before = state();
        String faultsBefore = Http.send(fake.port(), "GET", "/fake/v1/faults", null).body();
        assertRefused(post("/fake/v1/scenario", "{\"name\":\"broken\",\"changefeeds\":[{\"id\":\"orders\"}],"
                + "\"faults\":[{\"kind\":\"sticky-owner\"}],"
                + "\"steps\":[{\"changefeed\":\"orders\",\"kind\":\"PAUSE\"},{\"capture\":9,\"kind\":\"STOP\"}]}"),
                400, "steps[1]", "no capture slot 9");
        assertThat(state()).isEqualTo(before);
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/faults", null).body()).isEqualTo(faultsBefore);
        // a step may name a changefeed the same scenario seeds
        assertThat(post("/fake/v1/scenario", "{\"name\":\"fine\",\"changefeeds\":[{\"id\":\"orders\"}],"
                + "\"steps\":[{\"changefeed\":\"orders\",\"kind\":\"PAUSE\"}]}").status()).isEqualTo(200);
        assertStillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"set\":\"+1000000000-01-01T00:00:00Z\"}", "{\"set\":\"1969-12-31T23:59:59Z\"}",
            "{\"set\":\"4199-11-24T01:22:57.664Z\"}", "{\"advance\":\"20000000h\"}", "{\"advance\":9223372036854775807}",
            "{\"advance\":null}", "{\"set\":null}", "{\"advance\":\"-1h\"}", "{\"advance\":true}", "{\"set\":\"soon\"}",
            "{\"advance\":\"1h\",\"set\":\"+1000000000-01-01T00:00:00Z\"}", "{}", "{\"advnce\":\"1h\"}",
            "{\"advance\":\"99999999999999999999999h\"}"})
    void aClockRequestOutsideTheTsoRangeOrMalformedMovesNothing(String body) {
        String before = Http.send(fake.port(), "GET", "/fake/v1/clock", null).body();
        Http.Response r = post("/fake/v1/clock", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).doesNotContainPattern(JAVA_TEXT).containsPattern("advance|set");
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/clock", null).body()).isEqualTo(before);
        assertStillServing();
    }

    @Test
    void theClockMayReachTheLastTsoInstantButNotPassIt() {
        assertThat(post("/fake/v1/clock", "{\"set\":\"4199-11-24T01:22:57.663Z\"}").status()).isEqualTo(200);
        assertThat(post("/fake/v1/clock", "{\"advance\":\"1ms\"}").status()).isEqualTo(400);
        assertStillServing();
        assertThat(post("/fake/v1/clock", "{\"set\":\"1970-01-01T00:00:00Z\"}").status()).isEqualTo(200);
        assertStillServing();
    }

    @Test
    void faultTyposAndWrongTypesAreNamedInOurOwnWords() {
        assertRefused(post("/fake/v1/faults", "{\"route\":\"create changefeed\",\"efect\":{\"kind\":\"reset\"}}"), 400,
                "efect", "unknown field");
        assertRefused(post("/fake/v1/faults", "{\"effect\":{\"kind\":\"explode\"}}"), 400, "effect", "unknown kind 'explode'");
        assertRefused(post("/fake/v1/faults", "{\"effect\":{\"kind\":\"error\",\"status\":\"x\"}}"), 400, "effect.status");
        assertRefused(post("/fake/v1/faults", "{\"kind\":\"partition\",\"slot\":\"one\"}"), 400, "slot");
        assertRefused(post("/fake/v1/faults", "{\"effect\":{\"kind\":\"reset\"},\"schedule\":{\"kind\":\"SOMETIMES\"}}"), 400,
                "schedule.kind", "unknown value 'SOMETIMES'");
        assertRefused(post("/fake/v1/faults", "{\"effect\":"), 400, "not valid JSON");
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/faults", null).body()).doesNotContain("\"id\"");
    }
}
