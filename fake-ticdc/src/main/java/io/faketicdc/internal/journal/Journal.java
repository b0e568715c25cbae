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
import java.util.function.Consumer;
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
    private final java.util.concurrent.atomic.AtomicLong nextSequence = new java.util.concurrent.atomic.AtomicLong();
    private final Interner interner = new Interner();
    /** How many records were ever stored (guarded by lock). */
    private long stores;
    /** Waits that hold no thread ({@link #awaitLater}), guarded by lock; counted without it. */
    private final List<Waiter> waiters = new java.util.ArrayList<>();
    private volatile int waiting;
    private volatile Consumer<RecordedRequest> listener;

    private record Waiter(Predicate<? super RecordedRequest> predicate, java.util.concurrent.CompletableFuture<RecordedRequest> future) { }

    public Journal(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("negative journal capacity: " + capacity);
        this.ring = new Ring(capacity);
    }

    public boolean enabled() {
        return ring.capacity() > 0;
    }

    /** Shares equal bodies and headers between records. */
    Interner interner() {
        return interner;
    }

    /** The next sequence number (1, 2, 3...), taken where a request is handled. */
    public long reserve() {
        return nextSequence.incrementAndGet();
    }

    /** Stores one record numbered now. */
    public void record(Entry entry) {
        record(0, entry);
    }

    /**
     * Hands every record, once stored, to {@code listener} on the thread that recorded it (the
     * standalone fake's {@code --verbose}); null: none. Records are made for it even when the
     * journal keeps none (capacity 0). Without a listener this costs one volatile read per record.
     */
    public void listen(Consumer<RecordedRequest> listener) {
        this.listener = listener;
    }

    /** Whether records are made: kept, or handed to a listener. */
    public boolean recording() {
        return enabled() || listener != null;
    }

    /** Stores one record; {@code entry} builds it from its sequence number (0: take one now). */
    public void record(long sequence, Entry entry) {
        Consumer<RecordedRequest> l = listener;
        if (!enabled() && l == null) return;
        RecordedRequest r = entry.toRecord(sequence != 0 ? sequence : reserve());
        List<Waiter> toTest = null;
        if (enabled()) {
            lock.lock();
            try {
                ring.add(r);
                stores++;
                recorded.signalAll();
                if (waiting > 0) toTest = List.copyOf(waiters);
            } finally {
                lock.unlock();
            }
        }
        if (toTest != null) {
            for (Waiter w : toTest) {
                if (w.predicate().test(r)) w.future().complete(r);
            }
        }
        if (l != null) l.accept(r);
    }

    /**
     * {@link #await} without a thread: the future completes with the first record since the last
     * clear that the predicate accepts, or fails with {@link RequestNotReceivedException} after
     * {@code timeout}. Nothing is held once it completes either way.
     */
    public java.util.concurrent.CompletableFuture<RecordedRequest> awaitLater(Predicate<? super RecordedRequest> predicate,
            Duration timeout) {
        if (!enabled()) throw new IllegalStateException("the request journal is off (journalCapacity 0)");
        java.util.concurrent.CompletableFuture<RecordedRequest> f = new java.util.concurrent.CompletableFuture<>();
        Waiter w = new Waiter(predicate, f);
        List<RecordedRequest> kept;
        lock.lock();
        try {
            kept = ring.newest(Long.MAX_VALUE);
            waiters.add(w);
            waiting = waiters.size();
        } finally {
            lock.unlock();
        }
        f.whenComplete((r, e) -> {
            lock.lock();
            try {
                waiters.remove(w);
                waiting = waiters.size();
            } finally {
                lock.unlock();
            }
        });
        for (RecordedRequest r : kept) {
            if (predicate.test(r)) {
                f.complete(r);
                return f;
            }
        }
        java.util.concurrent.CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() ->
                f.completeExceptionally(new RequestNotReceivedException("no request matching " + predicate + " within "
                        + timeout + "; received:\n" + describe())));
        return f;
    }

    /** How many waits without a thread are pending ({@link #awaitLater}). */
    public int pendingWaits() {
        return waiting;
    }

    /**
     * One page of the kept records the predicate accepts, oldest first: those numbered after
     * {@code since}, at most {@code limit} of them and, past the first, no more than about
     * {@code maxBytes} of bodies and headers.
     */
    public List<RecordedRequest> page(Predicate<? super RecordedRequest> predicate, long since, int limit, long maxBytes) {
        List<RecordedRequest> kept = new java.util.ArrayList<>(locked(() -> ring.newest(Long.MAX_VALUE)));
        kept.sort(java.util.Comparator.comparingLong(RecordedRequest::sequence)); // stored a little out of order
        List<RecordedRequest> out = new java.util.ArrayList<>();
        long bytes = 0;
        for (RecordedRequest r : kept) {
            if (out.size() >= limit) break;
            if (r.sequence() <= since || !predicate.test(r)) continue;
            long size = 512L + r.body().length + r.responseBody().length;
            if (!out.isEmpty() && bytes + size > maxBytes) break;
            bytes += size;
            out.add(r);
        }
        return out;
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
        java.util.Set<Long> tested = new java.util.HashSet<>();
        long seenStores = -1;
        for (Kept kept; (kept = awaitStoresBeyond(seenStores, deadline)) != null; ) {
            seenStores = kept.stores();
            for (RecordedRequest r : kept.records()) {
                if (tested.add(r.sequence()) && predicate.test(r)) return r;
            }
        }
        throw new RequestNotReceivedException("no request matching " + predicate + " within " + timeout
                + "; received:\n" + describe());
    }

    /**
     * Blocks until more records than {@code seen} were ever stored, and returns what is kept;
     * null at the deadline. (Records are numbered where they are handled and can be stored a
     * little out of order, so callers test everything kept, once each.)
     */
    private record Kept(long stores, List<RecordedRequest> records) { }

    private Kept awaitStoresBeyond(long seen, long deadline) {
        lock.lock();
        try {
            while (stores <= seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return null;
                recorded.await(left, TimeUnit.NANOSECONDS);
            }
            return new Kept(stores, ring.newest(Long.MAX_VALUE));
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

    /** Builds a record once its sequence number is known. */
    @FunctionalInterface
    public interface Entry {
        RecordedRequest toRecord(long sequence);
    }
}
