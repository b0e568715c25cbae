package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.RecordedRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The journal keeps the newest {@code journalCapacity} exchanges and counts the ones it dropped. */
class RequestJournalCapacityTest extends ApiTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.journalCapacity(3);
    }

    @Test
    void beyondItsCapacityTheJournalDropsTheOldestAndCountsThem() {
        for (int i = 1; i <= 5; i++) get("/api/v2/status?i=" + i);
        assertThat(fake.requests().capacity()).isEqualTo(3);
        assertThat(fake.requests().count()).isEqualTo(3);
        assertThat(fake.requests().dropped()).isEqualTo(2);
        assertThat(fake.requests().all()).extracting(RecordedRequest::rawQuery).containsExactly("i=3", "i=4", "i=5");
        assertThat(fake.requests().all()).extracting(RecordedRequest::sequence).containsExactly(3L, 4L, 5L);
        assertThat(fake.requests().describe()).startsWith("(2 earlier requests dropped)\n#3 GET /api/v2/status?i=3");
        fake.requests().clear();
        assertThat(fake.requests().dropped()).isZero();
    }

    @Test
    void theDefaultCapacityIsTenThousand() {
        assertThat(FakeConfig.builder().build().journalCapacity()).isEqualTo(10_000);
    }

    @Test
    void aCapacityOfZeroRecordsNothing() {
        try (FakeTiCdc off = FakeTiCdc.create(cfg -> cfg.journalCapacity(0)).start()) {
            assertThat(Http.send(off.port(), "GET", "/api/v2/status", null).status()).isEqualTo(200);
            assertThat(off.requests().count()).isZero();
            assertThat(off.requests().dropped()).isZero();
            assertThatThrownBy(() -> off.requests().await("GET", "/api/v2/status", Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("journal is off");
        }
    }

    @Test
    void aNegativeCapacityIsRefused() {
        assertThatThrownBy(() -> FakeConfig.builder().journalCapacity(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
