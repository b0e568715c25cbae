package io.faketicdc.script;

/**
 * Something happening to the capture process in a slot.
 *
 * @param slot     the process slot (0 is the first port)
 * @param kind     what happens
 * @param requests for NOT_READY_FOR: how many requests to that capture answer 503
 */
public record CaptureAction(int slot, Kind kind, Integer requests) implements Action {

    public enum Kind {
        /** It wins the next election. */
        NEXT_OWNER,
        /** SIGTERM: liveness 1 for good, ownership and tables given up; it keeps serving until STOP. */
        BEGIN_SHUTDOWN,
        /** The process exits (crash, or the end of a shutdown): it leaves, its port refuses connections. */
        STOP,
        /** A new process starts in the slot: same address, new capture ID. */
        START,
        /** Every /api route answers 503 not ready until READY. */
        NOT_READY,
        /** The next {@code requests} requests to it answer 503 not ready. */
        NOT_READY_FOR,
        READY
    }

    public CaptureAction {
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if (kind == Kind.NOT_READY_FOR && (requests == null || requests < 1)) {
            throw new IllegalArgumentException("NOT_READY_FOR needs requests >= 1");
        }
    }

    public static CaptureAction of(int slot, Kind kind) {
        return new CaptureAction(slot, kind, null);
    }
}
