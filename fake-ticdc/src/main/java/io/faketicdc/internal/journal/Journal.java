package io.faketicdc.internal.journal;

import io.faketicdc.RecordedRequest;
import io.faketicdc.RequestJournal;
import io.faketicdc.RequestNotReceivedException;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The request journal: a {@link Ring} of records under one short lock. The lock only assigns the
 * sequence number, builds the record from references and stores it; {@link #await} waits on a
 * condition signalled by every new record. Predicates and formatting run outside the lock.
 */
public final class Journal implements RequestJournal {
    private final Ring ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private long lastSequence;

    public Journal(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("negative journal capacity: " + capacity);
        this.ring = new Ring(capacity);
    }

    public boolean enabled() {
        return ring.capacity() > 0;
    }

    /** Stores one exchange; {@code exchange} builds the record from its sequence number. */
    public void record(Exchange exchange) {
        if (!enabled()) return;
        lock.lock();
        try {
            ring.add(exchange.toRecord(++lastSequence));
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<RecordedRequest> all() {
        return locked(() -> ring.newest(Long.MAX_VALUE));
    }

    @Override
    public int count() {
        return locked(ring::size);
    }

    @Override
    public List<RecordedRequest> matching(Predicate<? super RecordedRequest> predicate) {
        return all().stream().filter(predicate).map(RecordedRequest.class::cast).toList();
    }

    @Override
    public int count(String method, String pathPattern) {
        return matching(RecordedRequest.matches(method, pathPattern)).size();
    }

    @Override
    public RecordedRequest last() {
        RecordedRequest last = locked(ring::last);
        if (last == null) throw new NoSuchElementException("no request recorded" + (enabled() ? "" : ": journal off"));
        return last;
    }

    @Override
    public void clear() {
        locked(() -> {
            ring.clear();
            return null;
        });
    }

    @Override
    public long dropped() {
        return locked(ring::dropped);
    }

    @Override
    public int capacity() {
        return ring.capacity();
    }

    @Override
    public RecordedRequest await(Predicate<? super RecordedRequest> predicate, Duration timeout) {
        if (!enabled()) throw new IllegalStateException("the request journal is off (journalCapacity 0)");
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen = 0; // sequence of the newest record tested; numbers start at 1
        for (List<RecordedRequest> fresh; (fresh = awaitNewerThan(seen, deadline)) != null; ) {
            for (RecordedRequest r : fresh) {
                if (predicate.test(r)) return r;
                seen = r.sequence();
            }
        }
        throw new RequestNotReceivedException("no request matching " + predicate + " within " + timeout
                + "; received:\n" + describe());
    }

    /** Blocks until records newer than {@code seen} are kept, and returns them; null at the deadline. */
    private List<RecordedRequest> awaitNewerThan(long seen, long deadline) {
        lock.lock();
        try {
            while (ring.size() == 0 || lastSequence <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return null;
                recorded.await(left, TimeUnit.NANOSECONDS);
            }
            return ring.newest(lastSequence - seen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while awaiting a request", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        Snapshot s = locked(() -> new Snapshot(ring.newest(Long.MAX_VALUE), ring.dropped()));
        return JournalText.describe(s.records(), s.dropped());
    }

    @Override
    public String toString() {
        return describe();
    }

    private record Snapshot(List<RecordedRequest> records, long dropped) { }

    /** Builds the record for an exchange once its sequence number is known. */
    @FunctionalInterface
    public interface Exchange {
        RecordedRequest toRecord(long sequence);
    }
}
