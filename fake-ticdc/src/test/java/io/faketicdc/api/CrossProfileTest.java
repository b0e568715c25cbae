package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every profile shares, run on each of them: the changefeed lifecycle over /api/v2, the
 * statuses and the error codes a client goes by. Where a profile differs the test says how.
 */
class CrossProfileTest {
    private static final String CF = "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}";

    private static FakeTiCdc start(Profile profile) {
        return FakeTiCdc.create(FakeConfig.builder().profile(profile).startInstant(ApiTestBase.START)
                .zone(ZoneOffset.UTC).build()).start();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Profile.class)
    void the_changefeed_lifecycle_answers_the_same_statuses(Profile profile) {
        try (FakeTiCdc fake = start(profile)) {
            int port = fake.port();
            assertThat(Http.send(port, "POST", "/api/v2/changefeeds", CF).status()).isEqualTo(200);
            assertThat(Http.send(port, "GET", "/api/v2/changefeeds/cf1", null).status()).isEqualTo(200);
            // only the new architecture negotiates TOML (pingcap/ticdc api/v2/helper.go)
            assertThat(Http.send(port, "GET", "/api/v2/changefeeds/cf1", null, "Accept: application/toml").body())
                    .startsWith(profile == Profile.NEWARCH ? "upstream-id = " : "{");
            assertThat(Http.send(port, "GET", "/api/v2/changefeeds", null).body()).startsWith("{\"total\":1,\"items\":[{");
            assertThat(Http.send(port, "GET", "/api/v2/changefeeds/cf1/status", null).body()).contains("\"state\":\"normal\"");
            assertThat(Http.send(port, "POST", "/api/v2/changefeeds/cf1/pause", null).body()).isEqualTo("{}");
            assertThat(Http.send(port, "POST", "/api/v2/changefeeds/cf1/resume", "{}").body()).isEqualTo("{}");
            assertThat(Http.send(port, "DELETE", "/api/v2/changefeeds/cf1", null).body()).isEqualTo("{}");
            Http.Response gone = Http.send(port, "GET", "/api/v2/changefeeds/cf1", null);
            assertThat(gone.status()).isEqualTo(400);
            assertThat(gone.body()).contains("CDC:ErrChangeFeedNotExists");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Profile.class)
    void a_duplicate_create_is_already_exists_a_500_on_tiflow_and_a_400_on_the_new_architecture(Profile profile) {
        try (FakeTiCdc fake = start(profile)) {
            Http.send(fake.port(), "POST", "/api/v2/changefeeds", CF);
            Http.Response r = Http.send(fake.port(), "POST", "/api/v2/changefeeds", CF);
            assertThat(r.body()).contains("\"error_code\": \"CDC:ErrChangeFeedAlreadyExists\"");
            assertThat(r.status()).isEqualTo(profile == Profile.NEWARCH ? 400 : 500);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Profile.class)
    void status_and_captures_report_the_profiles_version_and_one_owner(Profile profile) {
        try (FakeTiCdc fake = start(profile)) {
            assertThat(Http.send(fake.port(), "GET", "/api/v2/status", null).body())
                    .contains("\"version\": \"" + profile.defaultVersion() + "\"").contains("\"is_owner\": true");
            assertThat(Http.send(fake.port(), "GET", "/api/v2/captures", null).body()).contains("\"is_owner\":true");
            assertThat(Http.send(fake.port(), "GET", "/api/v2/health", null).status()).isEqualTo(200);
        }
    }
}
