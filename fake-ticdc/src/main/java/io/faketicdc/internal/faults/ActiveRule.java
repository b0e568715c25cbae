package io.faketicdc.internal.faults;

import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.faults.Schedule;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.Call;
import java.util.Collection;
import java.util.random.RandomGenerator;

/** An installed rule with its counters. Guarded by the {@link RuleBook}'s lock. */
final class ActiveRule {
    final FaultRule rule;
    private final RuleMatcher matcher;
    private int matched;
    private int fired;

    ActiveRule(FaultRule rule, Collection<String> operations) {
        if (rule.effect() == null) throw new IllegalArgumentException("rule " + rule.id() + " has no effect: call respond(...)");
        this.rule = rule;
        this.matcher = new RuleMatcher(rule, operations);
    }

    /** The effect this request gets, or null when the rule does not match or does not fire. */
    Effect consider(ApiRequest request, Call call, RandomGenerator random) {
        if (!matcher.test(request, call)) return null;
        matched++;
        if (!fires(rule.schedule(), matched, random)) return null;
        Effect e = rule.effect();
        if (e instanceof Effect.Sequence s) {
            if (fired >= s.effects().size()) return null;
            e = s.effects().get(fired);
        }
        fired++;
        return e;
    }

    private static boolean fires(Schedule s, int m, RandomGenerator random) {
        return switch (s.kind()) {
            case ALWAYS -> true;
            case FIRST_N -> m <= s.n();
            case AFTER_N -> m > s.n();
            case EVERY_NTH -> m % s.n() == 0;
            case PROBABILITY -> random.nextDouble() < s.probability();
        };
    }

    int matched() {
        return matched;
    }

    int fired() {
        return fired;
    }
}
