package io.faketicdc.internal.cluster;

/** One TiCDC server process: a stable ID, its advertised address and its liveness. */
public final class Capture {
    public static final int ALIVE = 0;
    public static final int STOPPING = 1;

    private final String id;
    private final String advertiseAddr;
    private int liveness = ALIVE;

    public Capture(String id, String advertiseAddr) {
        this.id = id;
        this.advertiseAddr = advertiseAddr;
    }

    public String id() {
        return id;
    }

    public String address() {
        return advertiseAddr;
    }

    public int liveness() {
        return liveness;
    }

    void liveness(int liveness) {
        this.liveness = liveness;
    }
}
