package io.faketicdc.internal.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The shared server's scheduler. Jetty schedules every connection's idle timeout (10 minutes,
 * {@link Port#IDLE_TIMEOUT_MS}) when the connection opens and cancels it when it closes: on a
 * timer queue that is a locked insert, a wake-up of the timer thread, and a locked removal, for
 * each connection, about 6% of a test's cycle of start, one request and stop. A task due in a
 * minute or more is instead kept in a set and run by a sweep every few seconds (a few seconds
 * late at most, for a 10-minute timeout); a shorter delay goes to Jetty's own scheduler, on time.
 */
final class CoarseScheduler extends ContainerLifeCycle implements Scheduler {
    private final ScheduledExecutorScheduler precise;
    private final long coarseFromNanos;
    private final long sweepMillis;
    private final Set<Coarse> pending = ConcurrentHashMap.newKeySet();

    /** Delays of a minute or more are swept every 5 s. */
    CoarseScheduler(String name) {
        this(name, TimeUnit.MINUTES.toNanos(1), 5_000);
    }

    CoarseScheduler(String name, long coarseFromNanos, long sweepMillis) {
        this.precise = new ScheduledExecutorScheduler(name, true);
        this.coarseFromNanos = coarseFromNanos;
        this.sweepMillis = sweepMillis;
        addBean(precise);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        precise.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        pending.clear();
        super.doStop();
    }

    @Override
    public Task schedule(Runnable task, long delay, TimeUnit unit) {
        long nanos = unit.toNanos(delay);
        if (nanos < coarseFromNanos) return precise.schedule(task, delay, unit);
        Coarse c = new Coarse(task, System.nanoTime() + nanos);
        pending.add(c);
        return c;
    }

    /** Tasks waiting for a sweep (for tests). */
    int pending() {
        return pending.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Coarse c : pending) {
            if (now - c.due >= 0 && pending.remove(c)) {
                try {
                    c.task.run();
                } catch (RuntimeException e) {
                    // as a timer thread does: one failed task does not stop the others
                }
            }
        }
        if (isRunning()) precise.schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
    }

    private final class Coarse implements Task {
        private final Runnable task;
        private final long due;

        Coarse(Runnable task, long due) {
            this.task = task;
            this.due = due;
        }

        @Override
        public boolean cancel() {
            return pending.remove(this);
        }
    }
}
