package io.faketicdc.internal.cluster;

import io.faketicdc.FakeConfig;
import java.time.Instant;
import java.util.SplittableRandom;

/** The fixed facts a server reports about itself and its upstream, derived once per fake. */
public record Identity(String version, String gitHash, String clusterId, long upstreamId) {

    static Identity of(FakeConfig config, Instant start) {
        String version = config.effectiveVersion();
        long upstream = config.upstreamId() != null ? config.upstreamId() : pdClusterId(config.seed(), start);
        return new Identity(version, gitHash(version), config.clusterId(), upstream);
    }

    /** The process ID a server reports: this JVM's, looked up when first asked. */
    public long pid() {
        return Pid.VALUE;
    }

    /** Initialised on first use: the JDK's process handles cost a fresh JVM a few ms, and most fakes never report a pid. */
    private static final class Pid {
        static final long VALUE = ProcessHandle.current().pid();
    }

    /** PD builds its cluster ID from the bootstrap time in seconds and 32 random bits. */
    private static long pdClusterId(long seed, Instant start) {
        long random = new SplittableRandom(seed ^ 0x5044L).nextInt() & 0xffffffffL;
        return (start.getEpochSecond() << 32) | random;
    }

    /**
     * A stable 40-hex "commit" per version, so the same version always reports the same hash: 160
     * bits from the version's text (String.hashCode is fixed by the language, so every JVM agrees);
     * no message digest, whose provider lookup would cost the JVM's first fake ~15 ms.
     */
    private static String gitHash(String version) {
        SplittableRandom bits = new SplittableRandom(version.hashCode() * 0x9E3779B97F4A7C15L);
        return Hex.of(bits.nextLong(), bits.nextLong(), bits.nextLong()).substring(0, 40);
    }
}
