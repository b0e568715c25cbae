package io.faketicdc.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.api.ApiTestBase;
import org.junit.jupiter.api.Test;

/** With a token, the control API refuses requests without it; the TiCDC API is unaffected. */
class ControlTokenTest extends ApiTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.controlApi(true).controlToken("s3cret");
    }

    @Test
    void controlRequestsNeedTheBearerToken() {
        assertThat(get("/fake/v1/state").status()).isEqualTo(401);
        assertThat(send("GET", "/fake/v1/state", null, "Authorization: Bearer wrong").status()).isEqualTo(401);
        assertThat(send("GET", "/fake/v1/state", null, "Authorization: Bearer s3cret").status()).isEqualTo(200);
        assertThat(get("/api/v2/changefeeds").status()).isEqualTo(200);
    }

    @Test
    void withoutTheControlApiFakePathsAreTiCdc404s() {
        fake.close();
        fake = io.faketicdc.FakeTiCdc.create().start();
        assertThat(get("/fake/v1/state").body()).isEqualTo("404 page not found");
    }
}
