package io.faketicdc.faults;

import java.util.function.Predicate;

/**
 * A request fault as plain data: which requests it matches, on which of them it fires, and what
 * it does. Build one fluently, {@code FaultRule.on("create changefeed").respond(effect).firstN(2)};
 * every method returns a new rule. Null match fields match anything.
 *
 * @param id            names the rule in the journal and for removal; null gets {@code fault-<n>} when added
 * @param route         a route's operation ({@code "create changefeed"}), {@code "METHOD /gin/:pattern"},
 *                      a bare path pattern (any method), or null / {@code "*"} for every request
 * @param slot          only requests to this capture's port
 * @param namespace     only requests for this namespace (query {@code namespace}, {@code default} when absent)
 * @param changefeed    only requests whose {@code :changefeed_id} path parameter is this
 * @param bodyContains  only requests whose body contains this text
 * @param bodyMatches   only requests whose body contains a match of this regular expression
 * @param bodyPredicate only requests whose body (UTF-8) passes this test; Java only, not serialised
 * @param schedule      which matching requests it fires on (always when null)
 * @param phase         INSTEAD of the handler (default) or AFTER_COMMIT: the handler runs and
 *                      commits, then the client sees the effect
 * @param effect        what happens
 */
public record FaultRule(String id, String route, Integer slot, String namespace, String changefeed,
                        String bodyContains, String bodyMatches, Predicate<String> bodyPredicate,
                        Schedule schedule, Phase phase, Effect effect) {

    public enum Phase {
        /** The effect replaces the handler: no state changes. */
        INSTEAD,
        /** The handler runs and its change is committed; the client sees the effect. */
        AFTER_COMMIT
    }

    public FaultRule {
        if (schedule == null) schedule = Schedule.always();
        if (phase == null) phase = Phase.INSTEAD;
        if (bodyMatches != null) java.util.regex.Pattern.compile(bodyMatches); // fail early on a bad pattern
    }

    /** Matches requests to a route: an operation name, {@code "POST /api/v2/changefeeds/:changefeed_id/pause"} or a path. */
    public static FaultRule on(String route) {
        return new FaultRule(null, route, null, null, null, null, null, null, null, null, null);
    }

    /** Matches every request. */
    public static FaultRule onAnyRequest() {
        return on(null);
    }

    public FaultRule id(String id) { return copy(id, slot, namespace, changefeed, bodyContains, bodyMatches, bodyPredicate, schedule, phase, effect); }

    public FaultRule slot(int slot) { return copy(id, slot, namespace, changefeed, bodyContains, bodyMatches, bodyPredicate, schedule, phase, effect); }

    public FaultRule namespace(String ns) { return copy(id, slot, ns, changefeed, bodyContains, bodyMatches, bodyPredicate, schedule, phase, effect); }

    public FaultRule changefeed(String cf) { return copy(id, slot, namespace, cf, bodyContains, bodyMatches, bodyPredicate, schedule, phase, effect); }

    public FaultRule bodyContains(String text) { return copy(id, slot, namespace, changefeed, text, bodyMatches, bodyPredicate, schedule, phase, effect); }

    public FaultRule bodyMatches(String regex) { return copy(id, slot, namespace, changefeed, bodyContains, regex, bodyPredicate, schedule, phase, effect); }

    public FaultRule body(Predicate<String> test) { return copy(id, slot, namespace, changefeed, bodyContains, bodyMatches, test, schedule, phase, effect); }

    public FaultRule respond(Effect e) { return copy(id, slot, namespace, changefeed, bodyContains, bodyMatches, bodyPredicate, schedule, phase, e); }

    /** The 1st firing applies the first effect, the 2nd the second...; then the rule stops firing. */
    public FaultRule respond(Effect first, Effect... then) {
        Effect[] all = new Effect[then.length + 1];
        all[0] = first;
        System.arraycopy(then, 0, all, 1, then.length);
        return respond(then.length == 0 ? first : Effect.sequence(all));
    }

    public FaultRule schedule(Schedule s) { return copy(id, slot, namespace, changefeed, bodyContains, bodyMatches, bodyPredicate, s, phase, effect); }

    public FaultRule always() { return schedule(Schedule.always()); }

    public FaultRule firstN(int n) { return schedule(Schedule.firstN(n)); }

    public FaultRule afterN(int n) { return schedule(Schedule.afterN(n)); }

    public FaultRule everyNth(int n) { return schedule(Schedule.everyNth(n)); }

    public FaultRule withProbability(double p) { return schedule(Schedule.probability(p)); }

    /** The handler runs and commits first; the client sees the effect. */
    public FaultRule afterCommit() { return phase(Phase.AFTER_COMMIT); }

    public FaultRule phase(Phase p) { return copy(id, slot, namespace, changefeed, bodyContains, bodyMatches, bodyPredicate, schedule, p, effect); }

    private FaultRule copy(String id, Integer slot, String ns, String cf, String contains, String matches,
            Predicate<String> predicate, Schedule s, Phase p, Effect e) {
        return new FaultRule(id, route, slot, ns, cf, contains, matches, predicate, s, p, e);
    }
}
