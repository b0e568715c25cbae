package io.faketicdc.standalone;

import io.faketicdc.RecordedRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code --verbose}: one console line per request, from the request journal's record, e.g.
 * {@code 08:00:01.250 capture 1 POST /api/v2/changefeeds/cf/pause -> 500 0.4 ms fault r1 (error) forwarded to capture 0}.
 */
final class RequestLine {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private RequestLine() { }

    /** Time (the fake's clock, UTC), capture slot, method, path and query, status, duration, fault, forwarding. */
    static String of(RecordedRequest r) {
        StringBuilder b = new StringBuilder(96);
        b.append(TIME.format(r.time())).append(" capture ").append(r.slot()).append(' ')
                .append(r.method()).append(' ').append(r.path());
        if (r.rawQuery() != null && !r.rawQuery().isEmpty()) b.append('?').append(r.rawQuery());
        b.append(" -> ").append(r.status() == 0 ? "no response" : String.valueOf(r.status()));
        b.append(' ').append(String.format(Locale.ROOT, "%.1f ms", r.durationNanos() / 1e6));
        if (r.fault() != null) {
            b.append(" fault ").append(r.fault());
            if (r.faultEffect() != null) b.append(" (").append(r.faultEffect()).append(')');
        }
        if (r.forwardedTo() != null) b.append(" forwarded to capture ").append(r.forwardedTo());
        return b.toString();
    }
}
