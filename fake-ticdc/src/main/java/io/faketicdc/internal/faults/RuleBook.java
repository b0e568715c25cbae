package io.faketicdc.internal.faults;

import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.Call;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ordered request rules of one fake: the first rule that matches and fires wins. Decisions
 * happen under one lock, so concurrent requests count and draw in one order; probabilities draw
 * from a generator seeded by the fake's seed.
 */
final class RuleBook {
    private final long seed;
    private final List<ActiveRule> rules = new ArrayList<>();
    /** How many rules there are, written under the lock: with none (the usual case) a request decides without taking it. */
    private volatile int count;
    private SplittableRandom random;

    /** What a request gets: the rule that fired, the effect it applies, and when. */
    record Decision(String ruleId, Effect effect, FaultRule.Phase phase) { }

    RuleBook(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed ^ 0xFA017L);
    }

    synchronized ActiveRule add(FaultRule rule, Collection<String> operations) {
        ActiveRule r = new ActiveRule(rule, operations);
        rules.add(r);
        count = rules.size();
        return r;
    }

    synchronized boolean remove(String id) {
        boolean removed = rules.removeIf(r -> r.rule.id().equals(id));
        count = rules.size();
        return removed;
    }

    synchronized boolean contains(ActiveRule r) {
        return rules.contains(r);
    }

    synchronized List<FaultRule> rules() {
        return rules.stream().map(r -> r.rule).toList();
    }

    /** Removes every rule and restarts the random sequence. */
    synchronized void clear() {
        rules.clear();
        count = 0;
        random = new SplittableRandom(seed ^ 0xFA017L);
    }

    Decision decide(ApiRequest request, Call call) {
        if (count == 0) return null;
        synchronized (this) {
            for (ActiveRule r : rules) {
                Effect e = r.consider(request, call, random);
                if (e != null) return new Decision(r.rule.id(), e, r.rule.phase());
            }
            return null;
        }
    }

    synchronized int matched(ActiveRule r) {
        return r.matched();
    }

    synchronized int fired(ActiveRule r) {
        return r.fired();
    }

}
