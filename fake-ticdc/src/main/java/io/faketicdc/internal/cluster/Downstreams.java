package io.faketicdc.internal.cluster;

import io.faketicdc.internal.config.DownstreamAddress;
import io.faketicdc.internal.config.GoUrl;
import io.faketicdc.internal.config.SinkTargets;
import io.faketicdc.internal.http.ApiError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The downstreams a script took down: until brought up, for a number of creates, or for a span
 * of clock time. A sink is down when every host it dials is (a Kafka sink with two brokers needs
 * both down). Creates and updates consult it; the changefeeds writing to a downstream feel it
 * change (their state machines, as with {@code keepFailing}). Owned by the cluster: call within
 * one of its atomic steps.
 */
public final class Downstreams {
    /** One scripted rule; {@code creates} and {@code until} null when it has no such end. */
    private static final class Rule {
        Integer creates;
        final Instant until;

        Rule(Integer creates, Instant until) {
            this.creates = creates;
            this.until = until;
        }
    }

    private final Cluster cluster;
    private final Map<DownstreamAddress, Rule> rules = new LinkedHashMap<>();

    Downstreams(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Down until {@link #up}. */
    public void down(DownstreamAddress a) {
        put(a, new Rule(null, null));
    }

    /** Down until it has refused {@code creates} creates (v1 or v2), then up. */
    public void downForCreates(DownstreamAddress a, int creates) {
        put(a, new Rule(creates, null));
    }

    /** Down for this much clock time from now, then up. */
    public void downFor(DownstreamAddress a, Duration d) {
        Rule r = new Rule(null, cluster.clock().now().plus(d));
        put(a, r);
        cluster.scheduleAt(r.until, () -> {
            if (rules.get(a) == r) {
                rules.remove(a);
                cluster.downstreamsChanged();
            }
        });
    }

    /** Lifts the rule for exactly this address: the sink-check mode decides again. */
    public void up(DownstreamAddress a) {
        if (rules.remove(a) != null) cluster.downstreamsChanged();
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The addresses scripted down now. */
    public List<DownstreamAddress> down() {
        return new ArrayList<>(rules.keySet());
    }

    /** Whether a rule names this address now. */
    public boolean isDown(DownstreamAddress a) {
        return rules.containsKey(a);
    }

    private void put(DownstreamAddress a, Rule r) {
        rules.put(a, r);
        cluster.downstreamsChanged();
    }

    /**
     * The dial error opening this sink ends in now (the cause its scheme's error wraps), or null
     * when it reaches a host up (or none at all). {@code create}: a create asked, and the rules
     * that count creates count it.
     */
    public String failureCause(SinkTargets sink, boolean create) {
        if (rules.isEmpty() || sink.targets().isEmpty()) return null;
        for (SinkTargets.Target t : sink.targets()) {
            if (matching(t).isEmpty()) return null;
        }
        SinkTargets.Target first = sink.targets().get(0);
        if (create) {
            boolean lifted = false;
            for (DownstreamAddress a : matching(first)) {
                Rule r = rules.get(a);
                if (r.creates != null && --r.creates <= 0) {
                    rules.remove(a);
                    lifted = true;
                }
            }
            if (lifted) cluster.downstreamsChanged();
        }
        return SinkTargets.refused(first);
    }

    /** The error a changefeed's sink meets now (null: reachable, or a URI that does not parse). */
    ApiError failure(Changefeed cf) {
        if (rules.isEmpty()) return null;
        try {
            SinkTargets sink = SinkTargets.of(GoUrl.parse(cf.sinkUri()));
            String cause = failureCause(sink, false);
            return cause == null ? null : sink.failure(cause);
        } catch (GoUrl.UrlException e) {
            return null;
        }
    }

    private List<DownstreamAddress> matching(SinkTargets.Target t) {
        List<DownstreamAddress> out = new ArrayList<>();
        for (DownstreamAddress a : rules.keySet()) {
            if (a.matches(t)) out.add(a);
        }
        return out;
    }
}
