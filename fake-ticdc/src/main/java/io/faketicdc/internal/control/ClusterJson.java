package io.faketicdc.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.faketicdc.Credentials;
import io.faketicdc.FakeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's {@code "cluster"} settings beyond the capture count: the upstream's PD endpoints
 * ({@code "pdAddrs": ["http://127.0.0.1:2379"]}) and client authentication
 * ({@code "clientUserRequired": true, "users": [{"name": "root", "password": "secret"}]}), checked
 * as {@code FakeConfig} checks them, each bad entry named by its index.
 */
final class ClusterJson {
    private ClusterJson() { }

    static List<String> pdAddrs(JsonNode n, Fields f) {
        f.array(n, "cluster.pdAddrs");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String path = "cluster.pdAddrs[" + i + "]";
            String url = f.text(n.get(i), path);
            if (url == null) throw f.error(path, "expected a URL such as http://127.0.0.1:2379");
            try {
                FakeConfig.builder().pdAddrs(url).build(); // the config's own check
            } catch (IllegalArgumentException e) {
                throw f.error(path, e.getMessage().replaceFirst("^pdAddrs: ", ""));
            }
            out.add(url);
        }
        return out;
    }

    /** Null when the section names neither {@code clientUserRequired} nor {@code users}. */
    static Credentials credentials(JsonNode cluster, Fields f) {
        JsonNode required = cluster.get("clientUserRequired");
        JsonNode users = cluster.get("users");
        if (required == null && users == null) return null;
        if (required != null && !required.isBoolean()) throw f.error("cluster.clientUserRequired", "expected true or false");
        Map<String, String> byName = new LinkedHashMap<>();
        if (users != null) {
            f.array(users, "cluster.users");
            for (int i = 0; i < users.size(); i++) {
                String path = "cluster.users[" + i + "]";
                JsonNode u = users.get(i);
                f.known(u, path, "name", "password");
                String name = f.text(u.get("name"), path + ".name");
                if (name == null || name.isEmpty()) throw f.error(path, "a user needs a name");
                String password = f.text(u.get("password"), path + ".password");
                if (password == null) throw f.error(path, "user " + name + " has no password");
                if (byName.containsKey(name)) throw f.error(path + ".name", "user " + name + " is listed twice");
                byName.put(name, password);
            }
        }
        boolean on = required != null && required.asBoolean();
        if (on && byName.isEmpty()) {
            throw f.error("cluster.clientUserRequired", "needs at least one user in cluster.users");
        }
        return new Credentials(on, byName);
    }
}
