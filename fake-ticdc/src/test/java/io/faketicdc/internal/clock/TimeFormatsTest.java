package io.faketicdc.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written millisecond rendering answers what the pattern {@code yyyy-MM-dd HH:mm:ss.SSS} does. */
class TimeFormatsTest {
    private static final DateTimeFormatter RULE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Shanghai", "America/New_York", "Europe/London", "Asia/Kathmandu", "-03:30"})
    void everyMillisecondRendersAsThePatternDoesInTheServersZone(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        TimeFormats formats = new TimeFormats(zone);
        SplittableRandom random = new SplittableRandom(20);
        for (int i = 0; i < 20_000; i++) {
            // from before the epoch to past any TSO's physical part (2^46 ms is the year 4199)
            Instant t = Instant.ofEpochMilli(random.nextLong(-5_000_000_000_000L, 1L << 46));
            assertThat(formats.millis(t)).as("%s", t).isEqualTo(RULE.format(t.atZone(zone)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/London"})
    void theMillisecondsAroundAChangeOfSummerTimeTakeTheOffsetOfTheirInstant(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        TimeFormats formats = new TimeFormats(zone);
        for (ZonedDateTime change : new ZonedDateTime[] {
                ZonedDateTime.of(2026, 3, 8, 2, 0, 0, 0, zone), ZonedDateTime.of(2026, 11, 1, 1, 0, 0, 0, zone),
                ZonedDateTime.of(2026, 3, 29, 1, 0, 0, 0, zone), ZonedDateTime.of(2026, 10, 25, 1, 0, 0, 0, zone)}) {
            long at = change.toInstant().toEpochMilli();
            for (long ms = at - 3_601_000; ms <= at + 3_601_000; ms += 499) {
                Instant t = Instant.ofEpochMilli(ms);
                assertThat(formats.millis(t)).as("%s", t).isEqualTo(RULE.format(t.atZone(zone)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {253_402_300_800_000L, -62_167_219_200_001L})
    void aYearOfMoreOrFewerThanFourDigitsIsLeftToThePattern(long ms) {
        Instant t = Instant.ofEpochMilli(ms);
        assertThat(new TimeFormats(ZoneId.of("UTC")).millis(t)).isEqualTo(RULE.format(t.atZone(ZoneId.of("UTC"))));
    }
}
