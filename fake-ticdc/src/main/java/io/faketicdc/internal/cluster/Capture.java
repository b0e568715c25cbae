package io.faketicdc.internal.cluster;

/**
 * One TiCDC server process: a stable ID for its session, its advertised address, its liveness
 * ({@code 0} alive, {@code 1} stopping, never back) and whether it finished starting up.
 */
public final class Capture {
    public static final int ALIVE = 0;
    public static final int STOPPING = 1;
    /** The new architecture's liveness (pingcap/ticdc pkg/liveness/liveness.go): 0 alive, 1 draining, 2 stopping. */
    public static final int DRAINING = 1;
    public static final int TICDC_STOPPING = 2;

    private final String id;
    private final String advertiseAddr;
    private final int index;
    private int liveness = ALIVE;
    private boolean ready = true;
    private boolean draining;
    private String logLevel = "info";
    /** The new architecture's log redaction mode (OFF, MARKER, ON). */
    private String redactMode = "OFF";
    /** The new architecture's failpoints enabled through this process's API, by name. */
    private final java.util.SortedMap<String, String> failpoints = new java.util.TreeMap<>();
    /** Every failpoint name ever enabled here (pingcap/failpoint keeps a disabled one registered). */
    private final java.util.Set<String> failpointsEverEnabled = new java.util.HashSet<>();
    /** Its liveness as the new architecture keeps it: moved only by the coordinator's drain. */
    private int ticdcLiveness = ALIVE;

    public Capture(String id, String advertiseAddr, int index) {
        this.id = id;
        this.advertiseAddr = advertiseAddr;
        this.index = index;
    }

    public String id() { return id; }
    public String address() { return advertiseAddr; }
    /** Which process of the cluster this is (0 for the first port), kept across restarts. */
    public int index() { return index; }
    public int liveness() { return liveness; }
    public boolean ready() { return ready; }
    public boolean draining() { return draining; }
    public String logLevel() { return logLevel; }

    /** May hold tables and campaign for owner: alive, not stopping, not being drained. */
    public boolean schedulable() {
        return liveness == ALIVE && !draining;
    }

    /**
     * May campaign for owner: alive in both kernels' terms. The new architecture's elector does not
     * campaign, and resigns at once if it wins, while its node is draining or stopping
     * (pingcap/ticdc server/module_election.go campaignCoordinator).
     */
    public boolean campaigns() {
        return liveness == ALIVE && ticdcLiveness == ALIVE;
    }

    void stopping() { this.liveness = STOPPING; }
    void draining(boolean draining) { this.draining = draining; }
    public void ready(boolean ready) { this.ready = ready; }
    public void logLevel(String level) { this.logLevel = level; }
    public String redactMode() { return redactMode; }
    public int ticdcLiveness() { return ticdcLiveness; }
    void ticdcLiveness(int liveness) { this.ticdcLiveness = liveness; }
    public void redactMode(String mode) { this.redactMode = mode; }
    public java.util.SortedMap<String, String> failpoints() { return failpoints; }
    public java.util.Set<String> failpointsEverEnabled() { return failpointsEverEnabled; }
}
