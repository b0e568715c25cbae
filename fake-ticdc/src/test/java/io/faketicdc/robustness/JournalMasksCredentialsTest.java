package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import io.faketicdc.api.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal's exports never hand out a client's credentials: the control API's JSON and a
 * user's Jackson mapper write {@code Authorization} and {@code Proxy-Authorization} masked, and
 * {@code describe()} shows no headers, unless the control API is asked for them
 * ({@code ?unmasked=true}); the Java record keeps what was sent.
 */
class JournalMasksCredentialsTest {
    private static final String SECRET = "s3cr3t-token";
    private FakeTiCdc fake;

    @BeforeEach
    void start() {
        fake = FakeTiCdc.create(c -> c.controlApi(true)).start();
        Http.send(fake.port(), "GET", "/api/v2/health", null, "Authorization: Bearer " + SECRET,
                "Proxy-Authorization: Basic " + SECRET);
        Http.send(fake.port(), "GET", "/api/v2/status", null, "authorization: " + SECRET);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theControlApisJournalMasksCredentialsButKeepsTheScheme() {
        Http.Response r = Http.send(fake.port(), "GET", "/fake/v1/requests", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(SECRET).contains("\"Bearer ******\"").contains("\"Basic ******\"")
                .contains("\"******\"");
        Http.Response one = Http.send(fake.port(), "GET", "/fake/v1/requests/wait?path=/api/v2/health&timeout=1s", null);
        assertThat(one.body()).doesNotContain(SECRET).contains("\"Bearer ******\"");
    }

    @Test
    void theControlApiHandsOutCredentialsOnlyWhenAskedToUnmask() {
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/requests?unmasked=true", null).body())
                .contains("\"Bearer " + SECRET + "\"").contains("\"Basic " + SECRET + "\"");
        assertThat(Http.send(fake.port(), "GET", "/fake/v1/requests/wait?path=/api/v2/health&unmasked=true", null).body())
                .contains("\"Bearer " + SECRET + "\"");
        Http.Response bad = Http.send(fake.port(), "GET", "/fake/v1/requests?unmasked=yes", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("unmasked").doesNotContain(SECRET);
    }

    @Test
    void aUsersJacksonMapperAndDescribeShowNoCredentialsWhileTheJavaRecordKeepsThem() throws Exception {
        RecordedRequest health = fake.requests().matching(r -> r.path().equals("/api/v2/health")).get(0);
        assertThat(health.header("Authorization")).isEqualTo("Bearer " + SECRET);

        String json = new ObjectMapper().findAndRegisterModules().writeValueAsString(fake.requests().all());
        assertThat(json).doesNotContain(SECRET).contains("Bearer ******");
        assertThat(fake.requests().describe()).doesNotContain(SECRET);
        assertThat(health.describe()).doesNotContain(SECRET);
    }
}
