package io.faketicdc;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a fake is started. Build one with {@link #builder()} or through
 * {@code FakeTiCdc.create(cfg -> cfg.seed(7).profile(Profile.V7_3))}.
 *
 * @param host           address to bind; loopback unless set
 * @param port           port to bind; 0 picks a free one
 * @param advertiseAddr  the address captures report ({@code host:port} as in {@code cdc server
 *                       --advertise-addr}); null means the bound address
 * @param profile        which TiCDC to behave like
 * @param serverVersion  what {@code version} fields report; null means the profile's default
 * @param clusterId      the TiCDC cluster name ({@code --cluster-id})
 * @param upstreamId     the upstream PD cluster ID; null derives one from the seed and start
 * @param seed           seeds every generated value (capture IDs, changefeed UUIDs, jitter)
 * @param startInstant   the virtual clock's start; null means now (to the millisecond)
 * @param tickingClock   whether the clock follows real time (false: it moves only when told)
 * @param zone           the server's local zone for rendered times; null means the JVM's
 * @param gcSafepoint    the upstream GC safepoint TSO; null means 10 minutes before the start
 * @param captures       how many capture processes, each on its own port (port, port+1, ...)
 * @param realisticAsync whether create, pause and resume become visible one owner tick later (one
 *                       tick of clock time, or two more requests), as on the real server
 * @param controlApi     whether the control API answers under {@code /fake/v1} on every capture port
 * @param controlToken   when set, control requests need {@code Authorization: Bearer <token>}
 * @param journalCapacity how many exchanges {@code fake.requests()} keeps (the oldest are dropped
 *                       first); 0 records nothing
 * @param credentials    client authentication ({@link Credentials#NONE} by default)
 * @param pdAddrs        the upstream's PD endpoints ({@code cdc server --pd}), each
 *                       {@code http://host:port} or {@code https://host:port}; a request's
 *                       {@code pd_addrs} that names none of them gets the real server's answer
 *                       for an unreachable PD. Null or empty means {@link #DEFAULT_PD_ADDR}
 * @param sinkCheck      how creates and updates check their sink's downstream ({@link SinkCheck#ACCEPT}
 *                       by default: every downstream is reachable unless scripted down)
 * @param tls            how the captures serve https; null (the default) for plain http
 * @param keyspaces      the keyspaces of a next-gen new-architecture cluster: when not empty
 *                       (profile {@link Profile#NEWARCH} only) every changefeed route needs
 *                       {@code ?keyspace=} naming one of them; empty is the classic build, where
 *                       every request is in keyspace {@code default}
 */
public record FakeConfig(
        String host,
        int port,
        String advertiseAddr,
        Profile profile,
        String serverVersion,
        String clusterId,
        Long upstreamId,
        long seed,
        Instant startInstant,
        boolean tickingClock,
        ZoneId zone,
        Long gcSafepoint,
        int captures,
        boolean realisticAsync,
        int journalCapacity,
        boolean controlApi,
        String controlToken,
        Credentials credentials,
        java.util.List<String> pdAddrs,
        SinkCheck sinkCheck,
        Tls tls,
        java.util.List<String> keyspaces) {

    public static final long DEFAULT_SEED = 20230227L;
    /** The real server's default {@code --pd}. */
    public static final String DEFAULT_PD_ADDR = "http://127.0.0.1:2379";
    public static final int DEFAULT_JOURNAL_CAPACITY = 10_000;

    public FakeConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(clusterId, "clusterId");
        if (credentials == null) credentials = Credentials.NONE;
        pdAddrs = PdAddrs.checked(pdAddrs, DEFAULT_PD_ADDR);
        if (sinkCheck == null) sinkCheck = SinkCheck.ACCEPT;
        keyspaces = keyspaces == null ? java.util.List.of() : java.util.List.copyOf(keyspaces);
        if (!keyspaces.isEmpty() && profile != Profile.NEWARCH) {
            throw new IllegalArgumentException("keyspaces need profile NEWARCH (the next-gen build of the new architecture)");
        }
        for (String k : keyspaces) {
            if (k.isEmpty()) throw new IllegalArgumentException("a keyspace name must not be empty");
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (captures < 1) throw new IllegalArgumentException("a cluster needs at least one capture: " + captures);
        if (port != 0 && port + captures - 1 > 65535) {
            throw new IllegalArgumentException("ports " + port + ".." + (port + captures - 1) + " out of range");
        }
        if (journalCapacity < 0) throw new IllegalArgumentException("negative journal capacity: " + journalCapacity);
        // a TSO holds the physical milliseconds in 46 bits, from the Unix epoch
        Instant lastTso = Instant.ofEpochMilli((1L << 46) - 1);
        if (startInstant != null && (startInstant.isBefore(Instant.EPOCH) || startInstant.isAfter(lastTso))) {
            throw new IllegalArgumentException("start instant " + startInstant + " is outside the TSO range ("
                    + Instant.EPOCH + " to " + lastTso + ")");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.advertiseAddr = advertiseAddr;
        b.profile = profile;
        b.serverVersion = serverVersion;
        b.clusterId = clusterId;
        b.upstreamId = upstreamId;
        b.seed = seed;
        b.startInstant = startInstant;
        b.tickingClock = tickingClock;
        b.zone = zone;
        b.gcSafepoint = gcSafepoint;
        b.captures = captures;
        b.realisticAsync = realisticAsync;
        b.journalCapacity = journalCapacity;
        b.controlApi = controlApi;
        b.controlToken = controlToken;
        b.clientUserRequired = credentials.required();
        b.users.putAll(credentials.users());
        b.pdAddrs = pdAddrs;
        b.sinkCheck = sinkCheck;
        b.tls = tls;
        b.keyspaces.addAll(keyspaces);
        return b;
    }

    /** The version string reported by the server. */
    public String effectiveVersion() {
        return serverVersion != null ? serverVersion : profile.defaultVersion();
    }

    /** Mutable builder; every setter returns {@code this}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String advertiseAddr;
        private Profile profile = Profile.MASTER;
        private String serverVersion;
        private String clusterId = "default";
        private Long upstreamId;
        private long seed = DEFAULT_SEED;
        private Instant startInstant;
        private boolean tickingClock;
        private ZoneId zone;
        private Long gcSafepoint;
        /** Null until {@link #captures(int)}: one capture, or the scenario's count. */
        private Integer captures;
        private boolean realisticAsync;
        private int journalCapacity = DEFAULT_JOURNAL_CAPACITY;
        private boolean clientUserRequired;
        private final java.util.Map<String, String> users = new java.util.LinkedHashMap<>();
        private boolean controlApi;
        private String controlToken;
        private java.util.List<String> pdAddrs;
        private SinkCheck sinkCheck = SinkCheck.ACCEPT;
        private Tls tls;
        private Boolean mtls;
        private java.util.List<String> certAllowedCn;
        private final java.util.List<String> keyspaces = new java.util.ArrayList<>();

        private Builder() { }

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder advertiseAddr(String addr) { this.advertiseAddr = addr; return this; }
        public Builder profile(Profile profile) { this.profile = profile; return this; }
        public Builder serverVersion(String version) { this.serverVersion = version; return this; }
        public Builder clusterId(String clusterId) { this.clusterId = clusterId; return this; }
        public Builder upstreamId(long upstreamId) { this.upstreamId = upstreamId; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder startInstant(Instant start) { this.startInstant = start; return this; }
        public Builder tickingClock(boolean ticking) { this.tickingClock = ticking; return this; }
        public Builder zone(ZoneId zone) { this.zone = zone; return this; }
        public Builder gcSafepoint(long tso) { this.gcSafepoint = tso; return this; }
        /**
         * How many capture processes (default 1). A fake created for a scenario
         * ({@code FakeTiCdc.create(scenario, cfg -> ...)}) takes the scenario's count unless this
         * sets one, which must then be the same.
         */
        public Builder captures(int captures) { this.captures = captures; return this; }
        public Builder realisticAsync(boolean on) { this.realisticAsync = on; return this; }
        /** How many exchanges the request journal keeps (default 10,000); 0 turns recording off. */
        public Builder journalCapacity(int capacity) { this.journalCapacity = capacity; return this; }

        /** Serves the control API under {@code /fake/v1} (the standalone jar does by default). */
        public Builder controlApi(boolean on) { this.controlApi = on; return this; }
        public Builder controlToken(String token) { this.controlToken = token; return this; }

        /**
         * The real server's {@code client-user-required}: the routes that change changefeeds (and
         * {@code /api/v2/unsafe/*}) then need Basic credentials of a {@link #user} (401 otherwise).
         */
        public Builder clientUserRequired(boolean required) { this.clientUserRequired = required; return this; }

        /** An allowed user ({@code client-allowed-user}) and the password its upstream TiDB knows. */
        public Builder user(String name, String password) { this.users.put(name, password); return this; }

        /**
         * The upstream's PD endpoints, as {@code cdc server --pd} takes them (default
         * {@code http://127.0.0.1:2379}): {@code pd_addrs} in a request reaches the fake's upstream
         * when it names one of them (the scheme may be left out, as the PD client allows).
         */
        public Builder pdAddrs(String... urls) { this.pdAddrs = java.util.Arrays.asList(urls.clone()); return this; }

        /**
         * How creates and updates check their sink's downstream: {@link SinkCheck#ACCEPT} (the
         * default) or {@link SinkCheck#DIAL}. Downstreams scripted down are down either way.
         */
        public Builder sinkCheck(SinkCheck check) {
            this.sinkCheck = java.util.Objects.requireNonNull(check, "sinkCheck");
            return this;
        }

        /** Serves https: {@link Tls#selfSigned()} or {@link Tls#fromPem}; null: plain http (the default). */
        public Builder tls(Tls tls) { this.tls = tls; return this; }

        /** With {@link #tls(Tls)}: every client must present a certificate signed by the CA ({@code security.mtls}). */
        public Builder mtls(boolean on) { this.mtls = on; return this; }

        /**
         * With {@link #tls(Tls)}: client certificates are required and one certificate of the client's
         * chain must have one of these common names ({@code --cert-allowed-cn}).
         */
        public Builder certAllowedCn(String... names) { this.certAllowedCn = java.util.List.of(names); return this; }

        /**
         * Makes a {@link Profile#NEWARCH} fake the next-gen build: these keyspaces exist, and every
         * changefeed route needs {@code ?keyspace=} naming one (400 otherwise). Adds to those set before.
         */
        public Builder keyspaces(String... names) { this.keyspaces.addAll(java.util.List.of(names)); return this; }

        public FakeConfig build() {
            return build(null, null);
        }

        /**
         * The configuration for a scenario that needs {@code needed} captures (null: any, as
         * {@link #build()}): its count, unless {@link #captures(int)} asked for another, which is an error
         * naming both.
         */
        FakeConfig build(Integer needed, String scenario) {
            int n;
            if (needed == null || needed.equals(captures)) {
                n = captures == null ? 1 : captures;
            } else if (captures == null) {
                n = needed;
            } else {
                throw new IllegalArgumentException("scenario " + scenario + " needs " + needed + " captures, but "
                        + captures + " were asked for: leave the count out to take the scenario's, or make it " + needed);
            }
            return new FakeConfig(host, port, advertiseAddr, profile, serverVersion, clusterId, upstreamId,
                    seed, startInstant, tickingClock, zone, gcSafepoint, n, realisticAsync, journalCapacity,
                    controlApi, controlToken, new Credentials(clientUserRequired, users), pdAddrs,
                    sinkCheck, tls(), keyspaces);
        }

        private Tls tls() {
            if (tls == null) {
                if (Boolean.TRUE.equals(mtls) || certAllowedCn != null && !certAllowedCn.isEmpty()) {
                    throw new IllegalArgumentException((Boolean.TRUE.equals(mtls) ? "mtls" : "cert-allowed-cn")
                            + " needs tls: set tls(Tls.selfSigned()) or tls(Tls.fromPem(cert, key, ca))");
                }
                return null;
            }
            Tls t = mtls == null ? tls : tls.withMtls(mtls);
            return certAllowedCn == null ? t : t.withCertAllowedCn(certAllowedCn);
        }
    }
}
