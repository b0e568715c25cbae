package io.faketicdc;

import java.util.Locale;

/**
 * How a create or update checks that its sink's downstream can be reached (the real server opens
 * the sink: pingcap/tiflow cdc/sink/validator/validator.go). Downstreams scripted down through
 * {@link FakeTiCdc#downstream(String)} are down in either mode.
 */
public enum SinkCheck {
    /** Every downstream is reachable unless scripted down (the default). */
    ACCEPT,
    /**
     * The fake connects to the sink's host and port with a short timeout and answers the real
     * error when the connection is refused, times out or the host does not resolve.
     */
    DIAL;

    /** Parses {@code accept} or {@code dial} (as the CLI spells them) or the enum name. */
    public static SinkCheck parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "accept" -> ACCEPT;
            case "dial" -> DIAL;
            default -> throw new IllegalArgumentException("unknown sink check '" + s + "' (expected accept or dial)");
        };
    }
}
