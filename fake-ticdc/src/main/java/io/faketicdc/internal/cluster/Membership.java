package io.faketicdc.internal.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The captures of the cluster and the one owner elected among them. A capture's index is its
 * process slot (its port); a restarted process comes back in the same slot with a new ID, and a
 * capture added at runtime takes a new slot after the last one. Mutated under the cluster's lock;
 * the slot lists may be read without it.
 */
public final class Membership {
    private final List<String> addresses;
    private final List<Capture> slots;
    private final Supplier<String> ids;
    private Capture owner;
    private Capture forcedWinner;
    private boolean sticky;

    Membership(List<String> addresses, Supplier<String> ids) {
        this.addresses = new CopyOnWriteArrayList<>(addresses);
        this.ids = ids;
        List<Capture> initial = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) initial.add(new Capture(ids.get(), addresses.get(i), i));
        this.slots = new CopyOnWriteArrayList<>(initial);
        owner = slots.get(0);
    }

    /** Captures currently in the cluster, in slot order. */
    public List<Capture> captures() {
        List<Capture> live = new ArrayList<>(slots.size());
        for (Capture c : slots) {
            if (c != null) live.add(c);
        }
        return live;
    }

    public Capture at(int slot) {
        return slot >= 0 && slot < slots.size() ? slots.get(slot) : null;
    }

    /** How many process slots there are, including the ones whose process is stopped. */
    public int slots() {
        return slots.size();
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
        if (sticky && forcedWinner == null && old != null && old.campaigns()) return;
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
        if (forcedWinner != null && at(forcedWinner.index()) == forcedWinner && forcedWinner.campaigns()) {
            owner = forcedWinner;
            forcedWinner = null;
            return;
        }
        int start = previous == null ? 0 : previous.index() + 1;
        int n = slots.size();
        for (int k = 0; k < n; k++) {
            Capture c = slots.get((start + k) % n);
            if (c != null && c.campaigns()) {
                owner = c;
                return;
            }
        }
        owner = null;
    }

    /** A capture's process exits (crash or the end of a graceful shutdown): it leaves at once. */
    void leave(Capture c) {
        if (at(c.index()) != c) return;
        slots.set(c.index(), null);
        if (owner == c) {
            owner = null;
            elect(c);
        }
    }

    /** A process starts in an empty slot: a new capture ID, liveness alive. */
    Capture join(int slot) {
        Capture running = slots.get(slot);
        if (running != null) throw new IllegalStateException("slot " + slot + " already has capture " + running.id());
        Capture c = new Capture(ids.get(), addresses.get(slot), slot);
        slots.set(slot, c);
        if (owner == null) elect(null);
        return c;
    }

    /** A new, empty slot after the last one, for a process at {@code address}; returns its index. */
    int addSlot(String address) {
        addresses.add(address);
        slots.add(null);
        return slots.size() - 1;
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
