package io.faketicdc.internal.journal;

import io.faketicdc.RecordedRequest;
import java.util.ArrayList;
import java.util.List;

/** The journal's storage: a fixed ring of records in sequence order. Not thread-safe. */
final class Ring {
    private final int capacity;
    /** Grows up to {@code capacity} as records arrive, so an idle fake keeps no big array. */
    private RecordedRequest[] slots;
    private int head; // index of the oldest record
    private int size;
    private long dropped;

    Ring(int capacity) {
        this.capacity = capacity;
        this.slots = new RecordedRequest[Math.min(capacity, 16)];
    }

    int capacity() {
        return capacity;
    }

    /** Doubles the array (up to the capacity) while it is not full yet; records keep their order. */
    private void growIfFull() {
        if (size < slots.length || slots.length == capacity) return;
        RecordedRequest[] bigger = new RecordedRequest[(int) Math.min(capacity, Math.max(16L, slots.length * 2L))];
        for (int i = 0; i < size; i++) bigger[i] = slots[(head + i) % slots.length];
        slots = bigger;
        head = 0;
    }

    int size() {
        return size;
    }

    long dropped() {
        return dropped;
    }

    /**
     * Adds in sequence order (records arrive almost in order: each is numbered where it was
     * handled and stored just after), overwriting (and counting) the oldest record when full.
     */
    void add(RecordedRequest r) {
        growIfFull();
        if (size == slots.length) {
            if (r.sequence() < slots[head].sequence()) {
                dropped++;
                return;
            }
            slots[head] = r;
            head = (head + 1) % slots.length;
            dropped++;
        } else {
            slots[(head + size++) % slots.length] = r;
        }
        for (int i = size - 1; i > 0; i--) {
            int cur = (head + i) % slots.length;
            int prev = (head + i - 1) % slots.length;
            if (slots[prev].sequence() <= slots[cur].sequence()) break;
            RecordedRequest t = slots[prev];
            slots[prev] = slots[cur];
            slots[cur] = t;
        }
    }

    /** The newest {@code n} records (at most all), oldest first. */
    List<RecordedRequest> newest(long n) {
        int count = (int) Math.min(size, Math.max(0, n));
        List<RecordedRequest> out = new ArrayList<>(count);
        for (int i = size - count; i < size; i++) out.add(slots[(head + i) % slots.length]);
        return out;
    }

    RecordedRequest last() {
        return size == 0 ? null : slots[(head + size - 1) % slots.length];
    }

    void clear() {
        slots = new RecordedRequest[Math.min(capacity, 16)];
        head = 0;
        size = 0;
        dropped = 0;
    }
}
