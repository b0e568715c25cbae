package io.faketicdc.internal.cluster;

import io.faketicdc.FakeConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.SplittableRandom;

/** The fixed facts a server reports about itself and its upstream, derived once per fake. */
public record Identity(String version, String gitHash, String clusterId, long upstreamId, long pid) {

    static Identity of(FakeConfig config, Instant start) {
        String version = config.effectiveVersion();
        long upstream = config.upstreamId() != null ? config.upstreamId() : pdClusterId(config.seed(), start);
        return new Identity(version, gitHash(version), config.clusterId(), upstream, ProcessHandle.current().pid());
    }

    /** PD builds its cluster ID from the bootstrap time in seconds and 32 random bits. */
    private static long pdClusterId(long seed, Instant start) {
        long random = new SplittableRandom(seed ^ 0x5044L).nextInt() & 0xffffffffL;
        return (start.getEpochSecond() << 32) | random;
    }

    /** A stable 40-hex "commit" per version, so the same version always reports the same hash. */
    private static String gitHash(String version) {
        return GIT_HASHES.computeIfAbsent(version, Identity::digest);
    }

    /** Versions seen by this JVM (one or a few): digesting once per fake would cost a start a provider lookup. */
    private static final java.util.Map<String, String> GIT_HASHES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String digest(String version) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(("fake-ticdc " + version).getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(40);
            for (byte x : d) b.append(String.format("%02x", x));
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
