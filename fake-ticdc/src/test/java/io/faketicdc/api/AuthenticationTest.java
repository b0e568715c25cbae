package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@code client-user-required}: the routes that change changefeeds need Basic credentials of an
 * allowed user (pingcap/tiflow cdc/api/middleware/middleware.go; cdc/api/v2/api.go; cdc/api/v1/api.go).
 */
class AuthenticationTest extends ApiTestBase {
    private static final String CF = "{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}";

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(2).clientUserRequired(true).user("root", "secret").user("ops", "");
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aProtectedRouteWithoutCredentialsIsCredentialNotFound() {
        assertError(send("POST", "/api/v2/changefeeds", CF), 401, "CDC:ErrCredentialNotFound",
                "[CDC:ErrCredentialNotFound]credential not found: please specify the user and password via authorization header");
        assertError(send("POST", "/api/v2/changefeeds", CF, "Authorization: Bearer abc"), 401, "CDC:ErrCredentialNotFound",
                "[CDC:ErrCredentialNotFound]credential not found: please specify the user and password via authorization header");
    }

    @Test
    void aUserNotAllowedIsUnauthorized() {
        assertError(send("POST", "/api/v2/changefeeds", CF, basic("bob", "x")), 401, "CDC:ErrUnauthorized",
                "[CDC:ErrUnauthorized]user bob unauthorized, error: The user is not allowed.");
        assertError(send("POST", "/api/v2/changefeeds", CF, basic("", "x")), 401, "CDC:ErrUnauthorized",
                "[CDC:ErrUnauthorized]user  unauthorized, error: Empty username is not allowed.");
    }

    @Test
    void aWrongPasswordIsWhatTiDbAnswers() {
        assertError(send("POST", "/api/v2/changefeeds", CF, basic("root", "guess")), 401, "CDC:ErrUnauthorized",
                "[CDC:ErrUnauthorized]user root unauthorized, error: [CDC:ErrMySQLConnectionError]fail to open MySQL"
                        + " connection: Error 1045 (28000): Access denied for user 'root'@'127.0.0.1' (using password: YES)");
    }

    @Test
    void anAllowedUserWithItsPasswordPasses() {
        assertThat(send("POST", "/api/v2/changefeeds", CF, basic("root", "secret")).status()).isEqualTo(200);
        assertThat(send("POST", "/api/v2/changefeeds/cf/pause", null, basic("ops", "")).status()).isEqualTo(200);
        assertThat(send("POST", "/api/v2/changefeeds/cf/pause", null).status()).isEqualTo(401);
        assertThat(send("DELETE", "/api/v2/changefeeds/cf", null).status()).isEqualTo(401);
    }

    @Test
    void readsDrainResignLogAndTsoNeedNoCredentials() {
        assertThat(get("/api/v2/changefeeds").status()).isEqualTo(200);
        assertThat(get("/api/v2/status").status()).isEqualTo(200);
        assertThat(post("/api/v2/log", "{\"log_level\":\"info\"}").status()).isEqualTo(200);
        assertThat(post("/api/v2/tso", "{}").status()).isEqualTo(200);
        assertThat(post("/api/v2/owner/resign", null).status()).isEqualTo(200);
    }

    @Test
    void v1ChangingRoutesAreProtectedToo() {
        assertThat(send("POST", "/api/v1/changefeeds", CF).status()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/changefeeds", CF, basic("root", "secret")).status()).isEqualTo(202);
        assertThat(send("POST", "/api/v1/changefeeds/cf/tables/rebalance_table", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/changefeeds").status()).isEqualTo(200);
    }

    @Test
    void aNonOwnerForwardsFirstAndTheOwnerChecks() {
        assertError(sendTo(1, "POST", "/api/v2/changefeeds", CF), 401, "CDC:ErrCredentialNotFound",
                "[CDC:ErrCredentialNotFound]credential not found: please specify the user and password via authorization header");
        assertThat(fake.requests().last().forwardedTo()).isEqualTo(0);
        assertThat(sendTo(1, "POST", "/api/v2/changefeeds", CF, basic("root", "secret")).status()).isEqualTo(200);
    }

    @Test
    void v73HasNoAuthentication() {
        try (FakeTiCdc v73 = FakeTiCdc.create(c -> c.profile(Profile.V7_3).clientUserRequired(true).user("root", "secret")).start()) {
            assertThat(Http.send(v73.port(), "POST", "/api/v2/changefeeds", CF).status()).isEqualTo(200);
        }
    }

    @Test
    void requiredWithoutUsersIsRefusedAsTheRealServerRefusesToStart() {
        assertThatThrownBy(() -> FakeConfig.builder().clientUserRequired(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client-allowed-user should not be empty when client-user-required is true");
        assertThatThrownBy(() -> FakeConfig.builder().user("root", null).build())
                .hasMessage("credentials: user root has no password");
    }
}
