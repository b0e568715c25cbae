package io.faketicdc.internal.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Places the upstream tables of every running changefeed on captures, deterministically: a
 * table without a home goes to the schedulable capture holding the fewest tables of that
 * changefeed (lowest slot on ties). Tables on a capture being drained stay until a drain poll
 * moves them; tables on captures that left or are stopping move at once.
 */
final class TableScheduler {
    /** The owner's scheduler checks the balance this often (check-balance-interval, pkg/config). */
    static final java.time.Duration CHECK_BALANCE_INTERVAL = java.time.Duration.ofMinutes(1);

    private TableScheduler() { }

    /**
     * The balance check: a capture holding more than its share (ceil(tables / captures)) of a
     * normal changefeed's tables gives its lowest-ID extras to the least loaded captures. Skipped
     * while any capture is stopping or being drained, as the real balance scheduler is.
     */
    static void balance(Cluster cluster) {
        List<Capture> captures = cluster.membership().captures();
        if (captures.isEmpty()) return;
        for (Capture c : captures) {
            if (!c.schedulable()) return;
        }
        for (Changefeed cf : cluster.changefeeds()) {
            if (cf.state() == FeedState.NORMAL) balance(cf.tables(), captures);
        }
    }

    /**
     * One normal changefeed's balance on request; dropped, as the real rebalance is, while any
     * capture is stopping or being drained (pingcap/tiflow
     * cdc/scheduler/internal/v3/scheduler/scheduler_rebalance.go).
     */
    static void balance(Cluster cluster, Changefeed cf) {
        List<Capture> captures = cluster.membership().captures();
        if (captures.isEmpty() || cf.state() != FeedState.NORMAL) return;
        for (Capture c : captures) {
            if (!c.schedulable()) return;
        }
        balance(cf.tables(), captures);
    }

    /** A manual move of one table of a normal changefeed to a capture that can take tables. */
    static void move(Changefeed cf, long tableId, Capture to) {
        if (cf.state() != FeedState.NORMAL || to == null || !to.schedulable() || !cf.tables().containsKey(tableId)) return;
        cf.tables().put(tableId, to.id());
    }

    private static void balance(Map<Long, String> tables, List<Capture> captures) {
        int share = (tables.size() + captures.size() - 1) / captures.size();
        Map<String, List<Long>> held = new java.util.LinkedHashMap<>();
        for (Capture c : captures) held.put(c.id(), new ArrayList<>());
        for (Map.Entry<Long, String> e : new java.util.TreeMap<>(tables).entrySet()) {
            List<Long> mine = held.get(e.getValue());
            if (mine != null) mine.add(e.getKey());
        }
        List<Long> victims = new ArrayList<>();
        for (List<Long> mine : held.values()) {
            while (mine.size() > share) victims.add(mine.remove(0));
        }
        for (Long table : victims) {
            Map.Entry<String, List<Long>> target = null;
            for (Map.Entry<String, List<Long>> e : held.entrySet()) {
                if (target == null || e.getValue().size() < target.getValue().size()) target = e;
            }
            target.getValue().add(table);
            tables.put(table, target.getKey());
        }
    }

    static void rebalance(Cluster cluster) {
        List<Capture> targets = schedulable(cluster);
        for (Changefeed cf : cluster.changefeeds()) rebalance(cluster, cf, targets);
    }

    /** One changefeed's placement depends on nothing but its own tables and the captures. */
    static void rebalance(Cluster cluster, Changefeed cf) {
        rebalance(cluster, cf, schedulable(cluster));
    }

    private static void rebalance(Cluster cluster, Changefeed cf, List<Capture> targets) {
        Map<Long, String> tables = cf.tables();
        if (!cf.state().running()) {
            tables.clear();
            return;
        }
        // a stopping capture keeps its tables until shutdown steps move them; a gone one loses them
        tables.entrySet().removeIf(e -> cluster.membership().byId(e.getValue()) == null);
        List<UpstreamTable> upstream = cluster.upstreamTables();
        boolean[] selection = cf.selection(config -> select(config, upstream));
        for (int i = 0; i < upstream.size(); i++) {
            UpstreamTable t = upstream.get(i);
            if (!selection[i]) {
                tables.remove(t.id());
            } else if (!tables.containsKey(t.id())) {
                Capture home = leastLoaded(tables, targets, null);
                if (home != null) tables.put(t.id(), home.id());
            }
        }
    }

    private static boolean[] select(io.faketicdc.internal.json.GoStruct config, List<UpstreamTable> upstream) {
        return UpstreamTable.selectedBy(config, upstream);
    }

    /**
     * Moves up to {@code max} tables of normal changefeeds off {@code from}; returns how many moved.
     * A table goes to the least loaded of every other live capture, a capture drained earlier
     * included (pingcap/tiflow cdc/scheduler/internal/v3/scheduler/scheduler_drain_capture.go
     * does not filter its destinations by state); only captures already shutting down are left
     * out, so two of them cannot hand tables back and forth.
     */
    static int moveAway(Cluster cluster, Capture from, int max) {
        List<Capture> targets = new ArrayList<>();
        for (Capture c : cluster.membership().captures()) {
            if (c != from && c.liveness() == Capture.ALIVE) targets.add(c);
        }
        int moved = 0;
        for (Changefeed cf : cluster.changefeeds()) {
            if (cf.state() != FeedState.NORMAL) continue;
            for (Map.Entry<Long, String> e : cf.tables().entrySet()) {
                if (moved >= max) return moved;
                if (!e.getValue().equals(from.id())) continue;
                Capture home = leastLoaded(cf.tables(), targets, from);
                if (home == null) return moved;
                e.setValue(home.id());
                moved++;
            }
        }
        return moved;
    }

    /** One step of graceful shutdowns: up to {@code batch} tables move off each stopping capture. */
    static boolean shutdownStep(Cluster cluster, int batch) {
        boolean any = false;
        for (Capture c : cluster.membership().captures()) {
            if (c.liveness() != Capture.STOPPING) continue;
            any = true;
            moveAway(cluster, c, batch);
        }
        return any;
    }

    /** Tables on {@code c} summed over normal changefeeds (the drain answer). */
    static int tablesOn(Cluster cluster, Capture c) {
        int n = 0;
        for (Changefeed cf : cluster.changefeeds()) {
            if (cf.state() != FeedState.NORMAL) continue;
            for (String owner : cf.tables().values()) {
                if (owner.equals(c.id())) n++;
            }
        }
        return n;
    }

    private static List<Capture> schedulable(Cluster cluster) {
        List<Capture> out = new ArrayList<>();
        for (Capture c : cluster.membership().captures()) {
            if (c.schedulable()) out.add(c);
        }
        return out;
    }

    private static Capture leastLoaded(Map<Long, String> tables, List<Capture> targets, Capture exclude) {
        Capture best = null;
        int bestCount = Integer.MAX_VALUE;
        for (Capture c : targets) {
            if (c == exclude) continue;
            int n = 0;
            for (String owner : tables.values()) {
                if (owner.equals(c.id())) n++;
            }
            if (n < bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }
}
