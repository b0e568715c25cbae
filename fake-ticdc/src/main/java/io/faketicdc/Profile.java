package io.faketicdc;

/**
 * Which TiCDC the fake behaves like. {@link #MASTER} is today's TiCDC (pingcap/tiflow master);
 * {@link #V7_3} reproduces the v7.3 era of the public "TiCDC OpenAPI v2" documentation page;
 * {@link #NEWARCH} is the new architecture (pingcap/ticdc master, the kernel enabled with
 * {@code newarch} on v8.5.4 and later), the one to check an upgrade against.
 */
public enum Profile {
    MASTER("v8.5.0"),
    V7_3("v7.3.0"),
    NEWARCH("v8.5.7");

    private final String defaultVersion;

    Profile(String defaultVersion) {
        this.defaultVersion = defaultVersion;
    }

    /** The {@code version} the server reports unless one is configured. */
    public String defaultVersion() {
        return defaultVersion;
    }

    /** Parses {@code master}, {@code v7.3}, {@code newarch} (as the CLI spells them) or the enum name. */
    public static Profile parse(String s) {
        switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "master": return MASTER;
            case "v7.3": case "7.3": case "v7_3": return V7_3;
            case "newarch": case "new-arch": return NEWARCH;
            default: throw new IllegalArgumentException("unknown profile '" + s + "' (expected master, v7.3 or newarch)");
        }
    }
}
