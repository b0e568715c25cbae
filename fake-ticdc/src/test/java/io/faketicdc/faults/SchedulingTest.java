package io.faketicdc.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingTest extends FaultTestBase {
    private static final String LIST = "/api/v2/changefeeds";

    private List<Integer> statuses(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(get(LIST).status());
        return out;
    }

    @Test
    void firstNFiresOnTheFirstNMatchingRequestsOnly() {
        FaultHandle h = fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()).firstN(2));
        assertThat(statuses(5)).containsExactly(500, 500, 200, 200, 200);
        assertThat(h.matched()).isEqualTo(5);
        assertThat(h.fired()).isEqualTo(2);
    }

    @Test
    void afterNSkipsNThenAlwaysFires() {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()).afterN(3));
        assertThat(statuses(6)).containsExactly(200, 200, 200, 500, 500, 500);
    }

    @Test
    void everyNthFiresOnMultiplesOfN() {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()).everyNth(3));
        assertThat(statuses(7)).containsExactly(200, 200, 500, 200, 200, 500, 200);
    }

    @Test
    void aSequenceFailsFailsThenSucceedsThenStopsFiring() {
        FaultHandle h = fake.faults().add(FaultRule.on("list changefeeds")
                .respond(Effect.noOwner(), Effect.notReady(), Effect.passThrough()));
        assertThat(statuses(5)).containsExactly(500, 503, 200, 200, 200);
        assertThat(h.fired()).isEqualTo(3);
    }

    @Test
    void requestsOtherRulesMatchAreNotCounted() {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.notReady()).firstN(1));
        FaultHandle second = fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()).everyNth(2));
        assertThat(statuses(4)).containsExactly(503, 200, 500, 200);
        assertThat(second.matched()).as("the first request stopped at the first rule").isEqualTo(3);
    }

    @Test
    void aRuleThatDoesNotFireLetsLaterRulesBeConsidered() {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.notReady()).everyNth(2));
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()));
        assertThat(statuses(4)).containsExactly(500, 503, 500, 503);
    }

    @Test
    void otherRoutesAreNeitherMatchedNorCounted() {
        FaultHandle h = fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()).firstN(1));
        assertThat(get("/api/v2/captures").status()).isEqualTo(200);
        assertThat(get(LIST).status()).isEqualTo(500);
        assertThat(h.matched()).isEqualTo(1);
    }

    @Test
    void seededProbabilityMakesTheSameDecisionsInTwoFakesWithTheSameSeed() {
        List<Integer> first = probabilisticRun(fake);
        try (FakeTiCdc other = FakeTiCdc.create(cfg -> cfg.startInstant(START)).start()) {
            assertThat(probabilisticRun(other)).isEqualTo(first);
        }
        try (FakeTiCdc differentSeed = FakeTiCdc.create(cfg -> cfg.seed(99)).start()) {
            assertThat(probabilisticRun(differentSeed)).isNotEqualTo(first);
        }
        assertThat(first).contains(200, 500);
    }

    @Test
    void resetRestartsTheProbabilitySequence() {
        List<Integer> first = probabilisticRun(fake);
        fake.reset();
        assertThat(probabilisticRun(fake)).isEqualTo(first);
    }

    private static List<Integer> probabilisticRun(FakeTiCdc f) {
        f.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()).withProbability(0.5));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) out.add(Http.send(f.port(), "GET", LIST, null).status());
        return out;
    }
}
