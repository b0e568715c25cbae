package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.internal.clock.Tso;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared base of the HTTP acceptance tests: a fresh fake per test with a fixed start
 * instant, seed and UTC zone, so every expected body can be written out byte for byte.
 */
public abstract class ApiTestBase {
    /** 2026-08-20T08:17:08.123Z, the fake's clock for every test. */
    protected static final Instant START = Instant.parse("2026-08-20T08:17:08.123Z");
    protected static final long START_TSO = Tso.of(START);
    protected static final String START_TIME = "2026-08-20 08:17:08.123";
    protected static final String CREATE_TIME = "2026-08-20T08:17:08.123Z";
    protected static final long UPSTREAM_ID = 7321837472389451234L;

    protected FakeTiCdc fake;

    @BeforeEach
    void startFake() {
        FakeConfig.Builder b = FakeConfig.builder().startInstant(START).zone(ZoneOffset.UTC).upstreamId(UPSTREAM_ID);
        configure(b);
        fake = FakeTiCdc.create(b.build()).start();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    /** Subclasses adjust the fake (profile, version...). */
    protected void configure(FakeConfig.Builder config) { }

    protected Http.Response get(String target) {
        return Http.send(fake.port(), "GET", target, null);
    }

    protected Http.Response post(String target, String body) {
        return Http.send(fake.port(), "POST", target, body);
    }

    protected Http.Response put(String target, String body) {
        return Http.send(fake.port(), "PUT", target, body);
    }

    protected Http.Response delete(String target) {
        return Http.send(fake.port(), "DELETE", target, null);
    }

    protected Http.Response send(String method, String target, String body, String... headers) {
        return Http.send(fake.port(), method, target, body, headers);
    }

    /** Sends to the capture process in a slot (its own port). */
    protected Http.Response sendTo(int slot, String method, String target, String body, String... headers) {
        return Http.send(fake.port(slot), method, target, body, headers);
    }

    /** Creates a changefeed through the API and checks it worked. */
    protected Http.Response create(String body) {
        Http.Response r = post("/api/v2/changefeeds", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    protected static void assertJsonOk(Http.Response r, String body) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.body()).isEqualTo(body);
    }

    /** The real error body: 4-space indented {@code error_msg} and {@code error_code}. */
    protected static String errorBody(String msg, String code) {
        return "{\n    \"error_msg\": \"" + msg.replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                + "\",\n    \"error_code\": \"" + code + "\"\n}";
    }

    protected static void assertError(Http.Response r, int status, String code, String msg) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).isEqualTo(errorBody(msg, code));
    }
}
