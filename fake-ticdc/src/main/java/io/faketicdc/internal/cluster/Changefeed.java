package io.faketicdc.internal.cluster;

import io.faketicdc.internal.json.GoStruct;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A changefeed as the owner knows it: its info (metadata) and its status. Mutable; every access
 * happens under the cluster's lock.
 */
public final class Changefeed {
    public static final int JOB_NONE = 0;
    public static final int JOB_STOP = 1;
    public static final int JOB_RESUME = 2;
    public static final int JOB_REMOVE = 3;
    public static final int JOB_FINISH = 4;

    private final ChangefeedKey key;
    private final long upstreamId;
    private final Instant createTime;
    private final String creatorVersion;
    private String sinkUri;
    private long startTs;
    private long targetTs;
    private int adminJobType;
    private GoStruct config;
    private FeedState state;
    private RunningError error;
    private RunningError warning;
    private long checkpointTs;
    private long resolvedTs;
    /** Table ID to the ID of the capture replicating it; empty unless running. */
    private final Map<Long, String> tables = new LinkedHashMap<>();
    private FeedStateMachine machine;
    /** The read-back config rendered as JSON, for the config and sink URI it was rendered from. */
    private Object readConfigKey;
    private byte[] readConfigJson;
    /** The PD endpoints a create or update named ({@code pd_addrs} joined by commas); null: the fake's own. */
    private String pdEndpoints;

    public Changefeed(ChangefeedKey key, long upstreamId, Instant createTime, String creatorVersion,
                      String sinkUri, long startTs, long targetTs, GoStruct config) {
        this.key = key;
        this.upstreamId = upstreamId;
        this.createTime = createTime;
        this.creatorVersion = creatorVersion;
        this.sinkUri = sinkUri;
        this.startTs = startTs;
        this.targetTs = targetTs;
        this.config = stored(config);
        this.state = FeedState.NORMAL;
        this.checkpointTs = startTs;
        this.resolvedTs = startTs;
    }

    public ChangefeedKey key() { return key; }
    public String namespace() { return key.namespace(); }
    public String id() { return key.id(); }
    public long upstreamId() { return upstreamId; }
    public Instant createTime() { return createTime; }
    public String creatorVersion() { return creatorVersion; }
    public String sinkUri() { return sinkUri; }
    public long startTs() { return startTs; }
    public long targetTs() { return targetTs; }
    public int adminJobType() { return adminJobType; }
    public GoStruct config() { return config; }
    public FeedState state() { return state; }
    public RunningError error() { return error; }
    public RunningError warning() { return warning; }
    public long checkpointTs() { return checkpointTs; }
    public Map<Long, String> tables() { return tables; }

    /** The sort engine in its info: {@code unified} when created over v1, empty (omitted) over v2. */
    private String sortEngine = "";

    public String sortEngine() { return sortEngine; }

    public void sortEngine(String engine) { this.sortEngine = engine; }

    /** The owner's in-memory resolved ts: 0 unless the changefeed is running. */
    public long resolvedTs() {
        return state.running() ? resolvedTs : 0L;
    }

    /** The rendered read-back config, if it was rendered for this config and sink URI. */
    public byte[] cachedReadConfig() {
        return readConfigKey == config && sinkUri.equals(readConfigSink) ? readConfigJson : null;
    }

    public void cacheReadConfig(byte[] json) {
        this.readConfigKey = config;
        this.readConfigSink = sinkUri;
        this.readConfigJson = json;
    }

    private String readConfigSink;
    private GoStruct selectionFor;
    private boolean[] selection;

    /**
     * Gives the selection of {@code config}, worked out before the changefeed reached the cluster
     * (a create's or an update's prepare step, outside the lock); set with the config it is for.
     */
    public void presetSelection(GoStruct forConfig, boolean[] selected) {
        this.selectionFor = forConfig;
        this.selection = selected;
    }

    /** Which upstream tables (by index) the filter selects, worked out by {@code select} once per config. */
    boolean[] selection(java.util.function.Function<GoStruct, boolean[]> select) {
        if (selectionFor != config) {
            selection = select.apply(config);
            selectionFor = config;
        }
        return selection;
    }
    private String renderedCreateTime;
    private String maskedFor;
    private String masked;

    /** {@code create_time} as rendered once by {@code render} (it never changes). */
    public String createTime(java.util.function.Function<Instant, String> render) {
        String t = renderedCreateTime;
        if (t == null) renderedCreateTime = t = render.apply(createTime);
        return t;
    }

    /** The masked sink URI, rendered once per sink URI by {@code mask}. */
    public String maskedSinkUri(java.util.function.UnaryOperator<String> mask) {
        if (!sinkUri.equals(maskedFor)) {
            masked = mask.apply(sinkUri);
            maskedFor = sinkUri;
        }
        return masked;
    }

    /** The owner's state machine of this changefeed; set when the cluster adopts it. */
    FeedStateMachine machine() { return machine; }

    void machine(FeedStateMachine machine) { this.machine = machine; }

    /** Pause: from normal, warning or pending to stopped; ignored otherwise. */
    public void pause() {
        if (!state.pausable()) return;
        state = FeedState.STOPPED;
        adminJobType = JOB_STOP;
    }

    /** Resume: from stopped/failed/finished to normal, error cleared, retries reset; ignored otherwise. */
    public void resume(long overwriteCheckpointTs) {
        if (state.pausable()) return;
        state = FeedState.NORMAL;
        adminJobType = JOB_NONE;
        error = null;
        if (overwriteCheckpointTs > 0) {
            startTs = overwriteCheckpointTs;
            checkpointTs = overwriteCheckpointTs;
        }
        resolvedTs = checkpointTs;
        if (machine != null) machine.resumed();
    }

    /** The PD endpoints its create or last update named ({@code pd_addrs}, comma-joined); null if none did. */
    public String pdEndpoints() { return pdEndpoints; }

    public void pdEndpoints(String endpoints) { this.pdEndpoints = endpoints; }

    /** Applies an accepted update of the info (PUT); the state is unchanged. */
    public void update(String newSinkUri, long newTargetTs, GoStruct newConfig) {
        this.sinkUri = newSinkUri;
        this.targetTs = newTargetTs;
        this.config = stored(newConfig);
    }

    /** A stored config is frozen: it is read by every later request, and changed only by replacing it. */
    private static GoStruct stored(GoStruct config) {
        return config == null ? null : config.freeze();
    }

    public void state(FeedState state, int adminJobType) {
        this.state = state;
        this.adminJobType = adminJobType;
    }

    public void error(RunningError error) {
        this.error = error;
    }

    public void warning(RunningError warning) {
        this.warning = warning;
    }

    public void checkpoint(long checkpointTs, long resolvedTs) {
        this.checkpointTs = checkpointTs;
        this.resolvedTs = resolvedTs;
    }
}
