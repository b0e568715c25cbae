package io.faketicdc.script;

import io.faketicdc.internal.config.DownstreamAddress;
import java.time.Duration;

/**
 * Something happening to a downstream the changefeeds' sinks write to.
 *
 * @param downstream the host and port ({@code 127.0.0.1:3306}), a host alone (any port), or a sink
 *                   URI ({@code mysql://127.0.0.1}: a MySQL/TiDB or Pulsar URI without a port
 *                   means the port the real sink dials by default, 4000, 6650...)
 * @param kind       what happens
 * @param creates    for DOWN_FOR_CREATES: how many creates it refuses before it is back
 * @param duration   for DOWN_FOR: how much clock time it stays down
 */
public record DownstreamAction(String downstream, Kind kind, Integer creates, Duration duration) implements Action {

    public enum Kind {
        /** Down until UP: creates, updates (and on master resumes of MySQL sinks) fail; changefeeds retry. */
        DOWN,
        /** Down until it has refused {@code creates} creates (v1 or v2), then back. */
        DOWN_FOR_CREATES,
        /** Down for {@code duration} of clock time, then back. */
        DOWN_FOR,
        /** Back: the rule for exactly this downstream is lifted (the sink-check mode decides again). */
        UP
    }

    /** Checks the address (an unknown scheme, an unparsable host or port) and the kind's parameter. */
    public DownstreamAction {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        DownstreamAddress.parse(downstream);
        if (kind == Kind.DOWN_FOR_CREATES && (creates == null || creates < 1)) {
            throw new IllegalArgumentException("DOWN_FOR_CREATES needs creates >= 1");
        }
        if (kind == Kind.DOWN_FOR && (duration == null || duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("DOWN_FOR needs a positive duration");
        }
    }

    public static DownstreamAction of(String downstream, Kind kind) {
        return new DownstreamAction(downstream, kind, null, null);
    }
}
