package io.faketicdc.internal.clock;

import java.time.Instant;
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
        String text = MILLIS.format(instant.atZone(zone));
        last = new Rendered(ms, text);
        return text;
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
