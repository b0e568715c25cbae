package io.faketicdc.script;

import java.time.Duration;

/**
 * Something happening to one changefeed.
 *
 * @param namespace  its namespace ({@code default} when null)
 * @param changefeed its ID
 * @param kind       what happens
 * @param code       error or warning code (ERROR, PERSISTENT_ERROR, WARNING, STUCK_WARNING)
 * @param message    error or warning message
 * @param ts         the checkpoint TSO (CHECKPOINT)
 * @param duration   the lag (LAG)
 */
public record ChangefeedAction(String namespace, String changefeed, Kind kind, String code, String message, Long ts,
                               Duration duration) implements Action {

    public enum Kind {
        /** A processor reports an error once: retryable codes park it in pending and retry; others fail it. */
        ERROR,
        /** The error comes back after every restart until RECOVER; after the stuck duration it fails. */
        PERSISTENT_ERROR,
        /** Failed with this error at once, whatever the code (where the owner ends after its retries give up). */
        FAIL,
        /** A processor reports a warning: state warning until the checkpoint moves on. */
        WARNING,
        /** Warnings while the checkpoint is stuck: failed with CDC:ErrChangefeedUnretryable after the stuck duration. */
        STUCK_WARNING,
        /** Persistent errors and stuck warnings stop; the checkpoint moves again. */
        RECOVER,
        /** The checkpoint (and resolved ts) is set and stops following the clock. */
        CHECKPOINT,
        /** The checkpoint follows the clock minus this lag. */
        LAG,
        /** The checkpoint stops moving. */
        FREEZE,
        /** The checkpoint reaches target_ts: finished. */
        FINISH,
        PAUSE,
        RESUME
    }

    public ChangefeedAction {
        if (changefeed == null || changefeed.isEmpty()) throw new IllegalArgumentException("changefeed is required");
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if ((kind == Kind.ERROR || kind == Kind.PERSISTENT_ERROR || kind == Kind.FAIL || kind == Kind.WARNING
                || kind == Kind.STUCK_WARNING)
                && (code == null || code.isEmpty())) {
            throw new IllegalArgumentException(kind + " needs an error code");
        }
        if (kind == Kind.CHECKPOINT && ts == null) throw new IllegalArgumentException("CHECKPOINT needs ts");
        if (kind == Kind.LAG && duration == null) throw new IllegalArgumentException("LAG needs duration");
    }

    public static ChangefeedAction of(String namespace, String changefeed, Kind kind) {
        return new ChangefeedAction(namespace, changefeed, kind, null, null, null, null);
    }
}
