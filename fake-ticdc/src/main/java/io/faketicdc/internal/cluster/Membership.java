package io.faketicdc.internal.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The captures of the cluster and the one owner elected among them. A capture's index is its
 * process slot (its port); a restarted process comes back in the same slot with a new ID.
 */
public final class Membership {
    private final List<String> addresses;
    private final Capture[] slots;
    private final Supplier<String> ids;
    private Capture owner;
    private Capture forcedWinner;
    private boolean sticky;

    Membership(List<String> addresses, Supplier<String> ids) {
        this.addresses = List.copyOf(addresses);
        this.slots = new Capture[addresses.size()];
        this.ids = ids;
        for (int i = 0; i < slots.length; i++) slots[i] = new Capture(ids.get(), addresses.get(i), i);
        owner = slots[0];
    }

    /** Captures currently in the cluster, in slot order. */
    public List<Capture> captures() {
        List<Capture> live = new ArrayList<>(slots.length);
        for (Capture c : slots) {
            if (c != null) live.add(c);
        }
        return live;
    }

    public Capture at(int slot) {
        return slot >= 0 && slot < slots.length ? slots[slot] : null;
    }

    public int slots() {
        return slots.length;
    }

    public String address(int slot) {
        return addresses.get(slot);
    }

    public Capture byId(String id) {
        for (Capture c : slots) {
            if (c != null && c.id().equals(id)) return c;
        }
        return null;
    }

    /** The owner, or null while no owner is elected. */
    public Capture owner() {
        return owner;
    }

    public boolean isOwner(Capture c) {
        return c != null && c == owner;
    }

    /** The owner gives up the role; a new election runs at once. */
    public void resign() {
        Capture old = owner;
        if (sticky && forcedWinner == null && old != null && old.liveness() == Capture.ALIVE) return;
        owner = null;
        elect(old);
    }

    /** Whether a resign re-elects the same capture (while it can campaign and no winner is forced). */
    public void sticky(boolean sticky) {
        this.sticky = sticky;
    }

    /** The next election is won by this capture, if it can campaign. */
    public void forceNextWinner(Capture c) {
        forcedWinner = c;
    }

    /**
     * Elects among the captures that may campaign (alive, not stopping). Without a forced winner
     * the next slot after the previous owner wins, so a resign moves ownership when it can; a
     * lone capture wins again.
     */
    void elect(Capture previous) {
        if (forcedWinner != null && slots[forcedWinner.index()] == forcedWinner && forcedWinner.liveness() == Capture.ALIVE) {
            owner = forcedWinner;
            forcedWinner = null;
            return;
        }
        int start = previous == null ? 0 : previous.index() + 1;
        for (int k = 0; k < slots.length; k++) {
            Capture c = slots[(start + k) % slots.length];
            if (c != null && c.liveness() == Capture.ALIVE) {
                owner = c;
                return;
            }
        }
        owner = null;
    }

    /** A capture's process exits (crash or the end of a graceful shutdown): it leaves at once. */
    void leave(Capture c) {
        if (slots[c.index()] != c) return;
        slots[c.index()] = null;
        if (owner == c) {
            owner = null;
            elect(c);
        }
    }

    /** A process starts in an empty slot: a new capture ID, liveness alive. */
    Capture join(int slot) {
        if (slots[slot] != null) throw new IllegalStateException("slot " + slot + " already has capture " + slots[slot].id());
        Capture c = new Capture(ids.get(), addresses.get(slot), slot);
        slots[slot] = c;
        if (owner == null) elect(null);
        return c;
    }

    /** Drain begins: the capture keeps its tables until drain polls move them. */
    void draining(Capture c) {
        c.draining(true);
    }

    /** Graceful shutdown begins: liveness 1 for good, ownership given up. */
    void stopping(Capture c) {
        c.stopping();
        if (owner == c) resign();
    }
}
