package io.faketicdc.internal.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Changes waiting for their moment: a virtual-clock instant, or the Nth request matching a
 * predicate (the change applies before that request is handled, so the Nth request sees it).
 */
final class Timeline {
    private record Entry(long seq, Instant dueAt, Predicate<RequestFacts> matcher, int[] remaining, Runnable action) { }

    private final List<Entry> entries = new ArrayList<>();
    private long seq;

    void at(Instant dueAt, Runnable action) {
        entries.add(new Entry(seq++, dueAt, null, null, action));
    }

    void onRequest(int n, Predicate<RequestFacts> matcher, Runnable action) {
        entries.add(new Entry(seq++, null, matcher, new int[] {n}, action));
    }

    /** Either an instant or a number of requests, whichever comes first. */
    void atOrOnRequest(Instant dueAt, int n, Runnable action) {
        Runnable once = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (!done) {
                    done = true;
                    action.run();
                }
            }
        };
        at(dueAt, once);
        onRequest(n, r -> true, once);
    }

    /** The earliest time-due entry at or before {@code now}, removed; null when none. */
    Runnable nextDue(Instant now, Instant[] when) {
        // a plain loop: every tick asks, and the timeline is empty in most fakes
        Entry best = null;
        for (Entry e : entries) {
            if (e.dueAt() == null || e.dueAt().isAfter(now)) continue;
            // the earliest instant first; on a tie, the one scheduled first
            if (best == null || e.dueAt().isBefore(best.dueAt())
                    || e.dueAt().equals(best.dueAt()) && e.seq() < best.seq()) best = e;
        }
        if (best == null) return null;
        entries.remove(best);
        when[0] = best.dueAt();
        return best.action();
    }

    /** Counts a request; returns the entries it completes, in scheduling order. */
    List<Runnable> request(RequestFacts r) {
        List<Runnable> fired = new ArrayList<>();
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.matcher() == null || !e.matcher().test(r)) continue;
            if (--e.remaining()[0] <= 0) {
                it.remove();
                fired.add(e.action());
            }
        }
        return fired;
    }

    /** Whether a clock-timed entry is due at or before {@code now}. */
    boolean dueBy(Instant now) {
        for (Entry e : entries) {
            if (e.dueAt() != null && !e.dueAt().isAfter(now)) return true;
        }
        return false;
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
