package io.faketicdc;

import java.util.List;
import java.util.Map;

/**
 * What a scenario's {@code "cluster"} section asks of the fake beyond its captures: PD endpoints
 * and client authentication. A fake created for the scenario starts with them; loading checks that
 * the fake has them (it may have more: other endpoints, other users). Takes the scenario's parts,
 * not the scenario, so that the value types do not depend on the scenario package.
 */
final class ScenarioNeeds {
    private ScenarioNeeds() { }

    static void applyTo(List<String> pdAddrs, Credentials c, FakeConfig.Builder b) {
        if (!pdAddrs.isEmpty()) b.pdAddrs(pdAddrs.toArray(String[]::new));
        if (c != null) {
            c.users().forEach(b::user);
            if (c.required()) b.clientUserRequired(true);
        }
    }

    static void check(List<String> pdAddrs, Credentials c, String label, FakeConfig config) {
        for (String pd : pdAddrs) {
            if (!config.pdAddrs().contains(pd)) {
                throw new IllegalArgumentException("scenario " + label + " needs PD endpoint " + pd + "; this fake has "
                        + String.join(",", config.pdAddrs()));
            }
        }
        if (c == null) return;
        if (c.required() && !config.credentials().required()) {
            throw new IllegalArgumentException("scenario " + label + " needs client-user-required; this fake does not ask for credentials");
        }
        for (Map.Entry<String, String> u : c.users().entrySet()) {
            if (!u.getValue().equals(config.credentials().users().get(u.getKey()))) {
                throw new IllegalArgumentException("scenario " + label + " needs user " + u.getKey()
                        + " (with its password); this fake does not have it");
            }
        }
    }
}
