package io.faketicdc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The real server's client authentication ({@code [security] client-user-required} and
 * {@code client-allowed-user}): when required, the routes that change changefeeds need HTTP Basic
 * credentials of an allowed user. The real server checks the password against its upstream TiDB;
 * the fake holds the users and passwords that TiDB would know.
 *
 * @param required whether the protected routes ask for credentials
 * @param users    the allowed users and their passwords, in order
 */
public record Credentials(boolean required, Map<String, String> users) {
    /** No authentication: the default, as the real server's. */
    public static final Credentials NONE = new Credentials(false, Map.of());

    public Credentials {
        Objects.requireNonNull(users, "users");
        Map<String, String> copy = new LinkedHashMap<>();
        users.forEach((user, password) -> {
            if (user == null) throw new IllegalArgumentException("credentials: a user without a name");
            if (password == null) throw new IllegalArgumentException("credentials: user " + user + " has no password");
            copy.put(user, password);
        });
        users = java.util.Collections.unmodifiableMap(copy);
        // the real server refuses to start so (pingcap/tiflow pkg/config/server_config.go)
        if (required && users.isEmpty()) {
            throw new IllegalArgumentException("client-allowed-user should not be empty when client-user-required is true");
        }
    }
}
