package io.faketicdc.internal.journal;

import io.faketicdc.RecordedRequest;
import io.faketicdc.RequestJournal;
import io.faketicdc.RequestNotReceivedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The request journal: a ring buffer of records under one short lock. The lock only assigns the
 * sequence number, builds the record from references and stores it; {@link #await} waits on a
 * condition signalled by every new record.
 */
public final class Journal implements RequestJournal {
    private final RecordedRequest[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private int head; // index of the oldest record
    private int size;
    private long lastSequence;
    private long dropped;

    public Journal(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("negative journal capacity: " + capacity);
        this.ring = new RecordedRequest[capacity];
    }

    public boolean enabled() {
        return ring.length > 0;
    }

    /** Stores one exchange; {@code exchange} builds the record from its sequence number. */
    public void record(Exchange exchange) {
        if (ring.length == 0) return;
        lock.lock();
        try {
            RecordedRequest r = exchange.toRecord(++lastSequence);
            if (size == ring.length) {
                ring[head] = r;
                head = (head + 1) % ring.length;
                dropped++;
            } else {
                ring[(head + size++) % ring.length] = r;
            }
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<RecordedRequest> all() {
        lock.lock();
        try {
            return newerThan(0);
        } finally {
            lock.unlock();
        }
    }

    /** The kept records with a sequence number above {@code sequence}; call under the lock. */
    private List<RecordedRequest> newerThan(long sequence) {
        int fresh = (int) Math.min(size, Math.max(0, lastSequence - sequence));
        List<RecordedRequest> out = new ArrayList<>(fresh);
        for (int i = size - fresh; i < size; i++) out.add(ring[(head + i) % ring.length]);
        return out;
    }

    @Override
    public int count() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<RecordedRequest> matching(Predicate<? super RecordedRequest> predicate) {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r : all()) if (predicate.test(r)) out.add(r);
        return out;
    }

    @Override
    public int count(String method, String pathPattern) {
        return matching(RecordedRequest.matches(method, pathPattern)).size();
    }

    @Override
    public RecordedRequest last() {
        lock.lock();
        try {
            if (size == 0) throw new NoSuchElementException("no request recorded" + (enabled() ? "" : ": journal off"));
            return ring[(head + size - 1) % ring.length];
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            java.util.Arrays.fill(ring, null);
            head = 0;
            size = 0;
            dropped = 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int capacity() {
        return ring.length;
    }

    @Override
    public RecordedRequest await(Predicate<? super RecordedRequest> predicate, Duration timeout) {
        if (!enabled()) throw new IllegalStateException("the request journal is off (journalCapacity 0)");
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = Long.MIN_VALUE; // nothing tested yet; after a clear only newer records are kept
        while (true) {
            List<RecordedRequest> fresh = awaitNewerThan(seen, deadline);
            if (fresh == null) break;
            for (RecordedRequest r : fresh) {
                if (predicate.test(r)) return r;
                seen = r.sequence();
            }
        }
        throw new RequestNotReceivedException("no request matching " + predicate + " within " + timeout
                + "; received:\n" + describe());
    }

    /** Blocks until there are kept records newer than {@code seen}; null at the deadline. */
    private List<RecordedRequest> awaitNewerThan(long seen, long deadline) {
        lock.lock();
        try {
            while (size == 0 || lastSequence <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return null;
                recorded.await(left, TimeUnit.NANOSECONDS);
            }
            return newerThan(Math.max(seen, 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while awaiting a request", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        List<RecordedRequest> records;
        long gone;
        lock.lock();
        try {
            records = newerThan(0);
            gone = dropped;
        } finally {
            lock.unlock();
        }
        return JournalText.describe(records, gone);
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Builds the record for an exchange once its sequence number is known. */
    @FunctionalInterface
    public interface Exchange {
        RecordedRequest toRecord(long sequence);
    }
}
