package io.faketicdc;

import io.faketicdc.internal.cluster.Changefeed;
import io.faketicdc.internal.cluster.ChangefeedKey;
import io.faketicdc.internal.cluster.Cluster;
import io.faketicdc.internal.cluster.RunningError;
import io.faketicdc.script.ChangefeedAction;
import io.faketicdc.script.ChangefeedAction.Kind;
import io.faketicdc.script.Step;
import io.faketicdc.script.Timing;
import java.time.Duration;
import java.util.Optional;

/**
 * One changefeed of a fake, to read and to script. Scripted changes apply now, or at the
 * {@link #after(Duration) clock time} or {@link #onRequest(int, String, String) request} this
 * handle was made for:
 *
 * <pre>{@code
 * fake.changefeed("cf").keepFailing("CDC:ErrKafkaNewProducer", "kafka down");
 * fake.changefeed("cf").after(Duration.ofMinutes(5)).recover();
 * fake.changefeed("cf").onRequest(3, "GET", "/api/v2/changefeeds/:changefeed_id").pause();
 * }</pre>
 */
public final class ChangefeedHandle {
    private final FakeTiCdc fake;
    private final ChangefeedKey key;
    private final Timing timing;

    ChangefeedHandle(FakeTiCdc fake, String namespace, String id, Timing timing) {
        this.fake = fake;
        this.key = new ChangefeedKey(namespace, id);
        this.timing = timing;
    }

    /** The same changefeed; changes scripted through the result apply after this much clock time. */
    public ChangefeedHandle after(Duration clockTime) {
        return new ChangefeedHandle(fake, key.namespace(), key.id(), Timing.after(clockTime));
    }

    /** Changes apply on the Nth request matching the method and gin path pattern (that request sees them). */
    public ChangefeedHandle onRequest(int n, String method, String pathPattern) {
        return new ChangefeedHandle(fake, key.namespace(), key.id(), Timing.onRequest(n, method, pathPattern));
    }

    public boolean exists() {
        Cluster c = fake.engineCluster();
        return c.afterTick(() -> c.changefeed(key) != null);
    }

    /** Its state now; throws when the owner does not know it. */
    public ChangefeedSnapshot snapshot() {
        Cluster c = fake.engineCluster();
        return c.afterTick(() -> {
            Changefeed cf = c.changefeed(key);
            if (cf == null) throw new IllegalStateException("no changefeed " + key);
            return new ChangefeedSnapshot(cf.namespace(), cf.id(), ChangefeedState.valueOf(cf.state().name()),
                    cf.sinkUri(), cf.startTs(), cf.targetTs(), cf.checkpointTs(), cf.resolvedTs(),
                    Optional.ofNullable(cf.error()).map(ChangefeedHandle::api),
                    Optional.ofNullable(cf.warning()).map(ChangefeedHandle::api));
        });
    }

    public ChangefeedState state() { return snapshot().state(); }
    public long checkpointTs() { return snapshot().checkpointTs(); }
    public Optional<ChangefeedError> error() { return snapshot().error(); }
    public Optional<ChangefeedError> warning() { return snapshot().warning(); }

    /** A processor reports this error once: retried with back-off (pending, then warning, then normal). */
    public ChangefeedHandle error(String code, String message) { return run(Kind.ERROR, code, message); }

    /** The error comes back after every restart until {@link #recover()}; failed after the stuck duration. */
    public ChangefeedHandle keepFailing(String code, String message) { return run(Kind.PERSISTENT_ERROR, code, message); }

    /** Failed with this error at once. */
    public ChangefeedHandle fail(String code, String message) { return run(Kind.FAIL, code, message); }

    /** A warning: state warning until the checkpoint moves on. */
    public ChangefeedHandle warn(String code, String message) { return run(Kind.WARNING, code, message); }

    /** Warnings on a stuck checkpoint: failed with CDC:ErrChangefeedUnretryable after the stuck duration. */
    public ChangefeedHandle stuck(String code, String message) { return run(Kind.STUCK_WARNING, code, message); }

    public ChangefeedHandle recover() { return run(Kind.RECOVER, null, null); }
    public ChangefeedHandle freeze() { return run(Kind.FREEZE, null, null); }
    public ChangefeedHandle finish() { return run(Kind.FINISH, null, null); }
    public ChangefeedHandle pause() { return run(Kind.PAUSE, null, null); }
    public ChangefeedHandle resume() { return run(Kind.RESUME, null, null); }

    /** Sets checkpoint and resolved ts; the checkpoint then stays there until {@link #lag(Duration)}. */
    public ChangefeedHandle checkpoint(long tso) {
        fake.run(new Step(timing, new ChangefeedAction(key.namespace(), key.id(), Kind.CHECKPOINT, null, null, tso, null)));
        return this;
    }

    /** The checkpoint follows the clock, this far behind it. */
    public ChangefeedHandle lag(Duration lag) {
        fake.run(new Step(timing, new ChangefeedAction(key.namespace(), key.id(), Kind.LAG, null, null, null, lag)));
        return this;
    }

    private ChangefeedHandle run(Kind kind, String code, String message) {
        fake.run(new Step(timing, new ChangefeedAction(key.namespace(), key.id(), kind, code, message, null, null)));
        return this;
    }

    private static ChangefeedError api(RunningError e) {
        return new ChangefeedError(e.time(), e.addr(), e.code(), e.message());
    }
}
