package io.faketicdc.internal.cluster;

/**
 * One item of a batch (steps, seeded changefeeds, faults) was refused before any item of the batch
 * changed anything: which one (from 0) and why, in the fake's words.
 */
public final class BatchItemException extends IllegalArgumentException {
    private final int index;
    private final boolean conflict;

    /** @param conflict the item is well-formed but the fake's current state refuses it (409, not 400) */
    public BatchItemException(int index, String message, boolean conflict) {
        super(message);
        this.index = index;
        this.conflict = conflict;
    }

    public BatchItemException(int index, String message) {
        this(index, message, false);
    }

    public int index() {
        return index;
    }

    public boolean conflict() {
        return conflict;
    }
}
