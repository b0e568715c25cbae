package io.faketicdc.internal.clock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The two time renderings of the API, in the server's local zone as Go's time.Local does. */
public final class TimeFormats {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ZoneId zone;
    /** The last millisecond rendered: list items mostly share a checkpoint time. */
    private volatile Rendered last = new Rendered(Long.MIN_VALUE, "");

    private record Rendered(long millis, String text) { }

    public TimeFormats(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code checkpoint_time}: {@code yyyy-MM-dd HH:mm:ss.SSS} of the TSO's physical part. */
    public String tsoTime(long tso) {
        return millis(Tso.toInstant(tso));
    }

    public String millis(Instant instant) {
        long ms = instant.toEpochMilli();
        Rendered r = last;
        if (r.millis() == ms) return r.text();
        String text = millisText(ms);
        last = new Rendered(ms, text);
        return text;
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss.SSS} written digit by digit: a list renders one per changefeed, and
     * {@link DateTimeFormatter} costs several times this for each (the formatter stays the rule for
     * years it cannot write as four digits).
     */
    private String millisText(long ms) {
        long seconds = Math.floorDiv(ms, 1000);
        long local = seconds + zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400));
        int year = day.getYear();
        if (year < 0 || year > 9999) return MILLIS.format(Instant.ofEpochMilli(ms).atZone(zone));
        int secondOfDay = (int) Math.floorMod(local, 86_400);
        byte[] b = new byte[23];
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, day.getMonthValue(), 2);
        b[7] = '-';
        digits(b, 8, day.getDayOfMonth(), 2);
        b[10] = ' ';
        digits(b, 11, secondOfDay / 3600, 2);
        b[13] = ':';
        digits(b, 14, secondOfDay / 60 % 60, 2);
        b[16] = ':';
        digits(b, 17, secondOfDay % 60, 2);
        b[19] = '.';
        digits(b, 20, (int) Math.floorMod(ms, 1000), 3);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] b, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Go's RFC3339Nano: fraction trimmed of trailing zeros, {@code Z} for UTC. */
    public String rfc3339Nano(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        StringBuilder b = new StringBuilder(SECONDS.format(t));
        int nanos = t.getNano();
        if (nanos != 0) {
            String frac = String.format("%09d", nanos);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') end--;
            b.append('.').append(frac, 0, end);
        }
        ZoneOffset off = t.getOffset();
        b.append(off.getTotalSeconds() == 0 ? "Z" : off.getId());
        return b.toString();
    }
}
