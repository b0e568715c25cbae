package io.faketicdc.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.Profile;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** IDs and hashes written digit by digit read exactly as the JDK's formatting would write them. */
class HexTest {

    @Test
    void aUuidReadsAsTheJdkWritesTheSameBits() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            long hi = r.nextLong();
            long lo = r.nextLong();
            assertThat(Hex.uuid(hi, lo)).isEqualTo(new java.util.UUID(hi, lo).toString());
        }
        assertThat(Hex.uuid(0, 0)).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(Hex.uuid(-1, -1)).isEqualTo("ffffffff-ffff-ffff-ffff-ffffffffffff");
    }

    @Test
    void valuesAreWrittenAsSixteenDigitsEachLikePercent016x() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 1_000; i++) {
            long a = r.nextLong() >>> r.nextInt(64);
            long b = r.nextLong();
            assertThat(Hex.of(a, b)).isEqualTo(String.format(Locale.ROOT, "%016x%016x", a, b));
        }
        assertThat(Hex.of(1L)).isEqualTo("0000000000000001");
    }

    @Test
    void aVersionReportsTheSameFortyDigitGitHashInEveryFakeAndADifferentOneFromAnotherVersion() {
        Instant start = Instant.parse("2026-01-02T03:04:05Z");
        Identity a = Identity.of(FakeConfig.builder().serverVersion("v8.5.0").build(), start);
        Identity b = Identity.of(FakeConfig.builder().serverVersion("v8.5.0").seed(99).build(), start);
        Identity c = Identity.of(FakeConfig.builder().serverVersion("v7.3.0").profile(Profile.V7_3).build(), start);
        assertThat(a.gitHash()).matches("[0-9a-f]{40}").isEqualTo(b.gitHash());
        assertThat(c.gitHash()).matches("[0-9a-f]{40}").isNotEqualTo(a.gitHash());
    }
}
