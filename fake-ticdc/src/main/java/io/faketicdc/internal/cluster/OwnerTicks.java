package io.faketicdc.internal.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The owner's tick loop: what the owner does between two looks at the cluster, brought about at
 * once when the cluster is next looked at. A tick applies the timeline's changes due by the
 * clock's now, each at its own instant with every changefeed's state machine advanced to that
 * instant first, then brings every changefeed to now; graceful shutdowns move a batch of tables
 * per owner tick (50 ms) of clock time, and each minute of clock time the owner checks the
 * balance of tables. Requests count against request-timed changes and move a shutdown batch too.
 * Runs within the cluster's atomic steps, like every change to the cluster.
 */
final class OwnerTicks {
    private final Cluster cluster;
    private final Timeline timeline;
    private Instant lastTick;
    /** A script or API call changed a state machine since the last tick. */
    private boolean machinesTouched = true;
    /** Changefeeds whose state machine changed outside a tick, when not all of them may have. */
    private final Set<Changefeed> touchedFeeds = new LinkedHashSet<>();
    private boolean shuttingDown;
    private Instant lastShutdownTick;
    /** When the owner last checked the balance of tables (the scheduler's check-balance-interval). */
    private Instant lastBalance;

    OwnerTicks(Cluster cluster, Timeline timeline) {
        this.cluster = cluster;
        this.timeline = timeline;
    }

    /** Marks that one changefeed's state machine changed outside a tick. */
    void touched(Changefeed cf) {
        touchedFeeds.add(cf);
    }

    /**
     * Brings every changefeed to the clock's now: changes scheduled for earlier instants apply at
     * their instant, in order, with the state machines advanced to that instant first. Returns
     * whether it was a full tick (false: neither the clock nor any state machine had moved, and
     * only the changefeeds touched since were brought to now).
     */
    boolean tick() {
        Instant now = cluster.clock().now();
        // nothing can be due if neither the clock nor any state machine moved since the last tick;
        // with the clock still, only the machines changed since need a look
        if (now.equals(lastTick) && !machinesTouched && !timeline.dueBy(now) && !shuttingDown) {
            for (Changefeed cf : touchedFeeds) {
                if (cluster.changefeed(cf.key()) == cf) cf.machine().advanceTo(now);
            }
            touchedFeeds.clear();
            return false;
        }
        machinesTouched = false;
        touchedFeeds.clear();
        lastTick = now;
        Instant[] when = new Instant[1];
        for (Runnable due; (due = timeline.nextDue(now, when)) != null; ) {
            advanceAll(when[0]);
            due.run();
        }
        advanceAll(now);
        shutdownTicks(now);
        balanceChecks(now);
        return true;
    }

    /** Counts a request against scheduled changes; those it completes apply before it is handled. */
    void onRequest(RequestFacts request) {
        for (Runnable r : timeline.request(request)) {
            machinesTouched = true;
            r.run();
        }
        if (shuttingDown) shuttingDown = TableScheduler.shutdownStep(cluster, cluster.drainBatch()) && tablesOnStopping() > 0;
    }

    /** A graceful shutdown began now: its tables move away per owner tick of clock time from here. */
    void shutdownBegins() {
        shuttingDown = true;
        lastShutdownTick = cluster.clock().now();
    }

    /** Every minute of clock time, each changefeed's tables spread out over the captures (tiflow scheduler v3 balance). */
    private void balanceChecks(Instant now) {
        if (lastBalance == null || now.isBefore(lastBalance)) {
            lastBalance = now;
        } else if (!now.isBefore(lastBalance.plus(TableScheduler.CHECK_BALANCE_INTERVAL))) {
            lastBalance = now;
            TableScheduler.balance(cluster);
        }
    }

    /** Graceful shutdowns move a batch of tables per owner tick (50 ms) of clock time as well. */
    private void shutdownTicks(Instant now) {
        if (!shuttingDown) {
            lastShutdownTick = now;
            return;
        }
        long ticks = lastShutdownTick == null ? 0
                : Duration.between(lastShutdownTick, now).toMillis() / FeedStateMachine.TICK.toMillis();
        for (long i = 0; i < Math.min(ticks, 10_000) && shuttingDown; i++) {
            shuttingDown = TableScheduler.shutdownStep(cluster, cluster.drainBatch()) && tablesOnStopping() > 0;
        }
        if (ticks > 0) lastShutdownTick = now;
    }

    private int tablesOnStopping() {
        int n = 0;
        for (Capture c : cluster.captures()) {
            if (c.liveness() == Capture.STOPPING) n += TableScheduler.tablesOn(cluster, c);
        }
        return n;
    }

    private void advanceAll(Instant t) {
        for (Changefeed cf : cluster.changefeeds()) cf.machine().advanceTo(t);
    }
}
