package io.faketicdc.faults;

/** An installed fault: its ID, how often it matched and fired, and its removal. */
public interface FaultHandle {
    /** The rule's ID ({@code fault-<n>} unless the rule named itself). */
    String id();

    /** How many requests reached the rule and matched it (always 0 for cluster faults). */
    int matched();

    /** How many times it fired. */
    int fired();

    /** Removes the fault; a partitioned port opens again. Idempotent. */
    void remove();
}
