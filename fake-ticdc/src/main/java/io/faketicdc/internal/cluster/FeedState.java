package io.faketicdc.internal.cluster;

/** cdc/model/changefeed.go FeedState; {@code UNINITIALIZED} is the empty in-memory state. */
public enum FeedState {
    NORMAL("normal"), WARNING("warning"), PENDING("pending"), STOPPED("stopped"),
    FAILED("failed"), FINISHED("finished"), REMOVED("removed"), UNINITIALIZED("");

    private final String wire;

    FeedState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The list's rendering: pending shows as warning, the empty state as normal. */
    public String listed() {
        if (this == PENDING) return "warning";
        if (this == UNINITIALIZED) return "normal";
        return wire;
    }

    /** IsNeeded: what the list shows without a state filter (everything but finished/removed). */
    public boolean listedByDefault() {
        return this != FINISHED && this != REMOVED;
    }

    /** The owner runs it (its checkpoint advances, resolved_ts is reported). */
    public boolean running() {
        return this == NORMAL || this == WARNING || this == UNINITIALIZED;
    }

    /** A pause applies (normal, warning, pending); in other states it is a silent no-op. */
    public boolean pausable() {
        return running() || this == PENDING;
    }

    public static FeedState fromWire(String s) {
        for (FeedState f : values()) {
            if (f.wire.equals(s)) return f;
        }
        throw new IllegalArgumentException("unknown changefeed state: " + s);
    }
}
