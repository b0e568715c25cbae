package io.faketicdc.internal.faults;

import io.faketicdc.faults.FaultRule;
import io.faketicdc.internal.http.ApiRequest;
import io.faketicdc.internal.http.Call;
import io.faketicdc.internal.http.PathPattern;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Pattern;

/** Whether a request matches a rule's route, slot, namespace, changefeed and body conditions. */
final class RuleMatcher {
    private final FaultRule rule;
    private final String method;
    private final PathPattern pattern;
    private final String operation;
    private final Pattern body;

    RuleMatcher(FaultRule rule, Collection<String> operations) {
        this.rule = rule;
        String route = rule.route() == null || rule.route().isBlank() || rule.route().equals("*") ? null : rule.route().trim();
        if (route == null) {
            method = null;
            pattern = null;
            operation = null;
        } else if (route.contains("/")) {
            int space = route.indexOf(' ');
            method = space < 0 ? null : route.substring(0, space).trim();
            pattern = PathPattern.compile(space < 0 ? route : route.substring(space + 1).trim());
            operation = null;
        } else {
            if (!operations.isEmpty() && operations.stream().noneMatch(route::equalsIgnoreCase)) {
                throw new IllegalArgumentException("no route with operation \"" + route + "\"; known: " + operations);
            }
            method = null;
            pattern = null;
            operation = route;
        }
        this.body = rule.bodyMatches() == null ? null : Pattern.compile(rule.bodyMatches());
    }

    boolean test(ApiRequest request, Call call) {
        if (rule.slot() != null && rule.slot() != request.slot()) return false;
        if (operation != null && (call == null || !operation.equalsIgnoreCase(call.route().operation()))) return false;
        if (pattern != null && !(method == null || method.equals("*") || method.equalsIgnoreCase(request.method()))) return false;
        if (pattern != null && !pattern.matches(request.path())) return false;
        if (rule.namespace() != null) {
            String ns = request.query("namespace");
            if (!rule.namespace().equals(ns == null || ns.isEmpty() ? "default" : ns)) return false;
        }
        if (rule.changefeed() != null && (call == null || !rule.changefeed().equals(call.param("changefeed_id")))) {
            return false;
        }
        if (rule.bodyContains() == null && body == null && rule.bodyPredicate() == null) return true;
        String text = new String(request.body(), StandardCharsets.UTF_8);
        return (rule.bodyContains() == null || text.contains(rule.bodyContains()))
                && (body == null || body.matcher(text).find())
                && (rule.bodyPredicate() == null || rule.bodyPredicate().test(text));
    }
}
