package io.faketicdc.internal.cluster;

import static io.faketicdc.internal.cluster.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cluster owns its lock: nobody else can reach it or synchronizes on the cluster, and its
 * atomic steps hold it, nest, and tick first where they say so.
 */
class ClusterLockTest {
    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Path CLUSTER_PACKAGE = MAIN_SOURCES.resolve("io/faketicdc/internal/cluster");
    private static final Pattern SYNCHRONIZED = Pattern.compile("synchronized\\s*\\(([^{;]*)\\)\\s*\\{");

    private final Cluster cluster = Fixtures.cluster(2);
    private final List<String> ran = new ArrayList<>();

    @Test
    void theClusterHandsOutNoLock() {
        assertThat(Arrays.stream(Cluster.class.getDeclaredMethods()).map(Method::getName)).doesNotContain("lock");
        assertThat(Arrays.stream(Cluster.class.getDeclaredFields()).filter(f -> !Modifier.isPrivate(f.getModifiers())))
                .isEmpty();
    }

    @Test
    void noClassOutsideTheClusterPackageSynchronizesOnTheCluster() throws IOException {
        assertThat(CLUSTER_PACKAGE).isDirectory();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(CLUSTER_PACKAGE)).toList()) {
                Matcher m = SYNCHRONIZED.matcher(Files.readString(file));
                while (m.find()) {
                    String on = m.group(1);
                    if (on.toLowerCase(java.util.Locale.ROOT).contains("cluster") || on.contains("lock()")) {
                        offenders.add(MAIN_SOURCES.relativize(file) + ": synchronized (" + on + ")");
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyKindOfStepRunsWithinTheClustersLock() {
        List<Boolean> seen = new ArrayList<>();
        cluster.atomically(() -> { seen.add(cluster.inStep()); });
        seen.add(cluster.atomically(cluster::inStep));
        cluster.atomically(seen, s -> s.add(cluster.inStep()));
        cluster.afterTick(() -> { seen.add(cluster.inStep()); });
        seen.add(cluster.afterTick(cluster::inStep));
        cluster.scheduleAt(START.plusSeconds(1), () -> seen.add(cluster.inStep()));
        cluster.advanceClock(Duration.ofSeconds(1));
        cluster.scheduleAt(START, () -> seen.add(cluster.inStep()));
        cluster.setClock(START);

        assertThat(seen).hasSize(7).containsOnly(true);
        assertThat(cluster.inStep()).isFalse();
    }

    @Test
    void aStepCanRunAnotherStepWithinIt() {
        int answer = cluster.atomically(() -> cluster.afterTick(() -> cluster.atomically(() -> 42)));

        assertThat(answer).isEqualTo(42);
        assertThat(cluster.inStep()).isFalse();
    }

    @Test
    void theLockIsLetGoWhenAStepThrows() {
        try {
            cluster.atomically(() -> { throw new IllegalStateException("no"); });
        } catch (IllegalStateException expected) {
            // the step failed
        }

        assertThat(cluster.inStep()).isFalse();
    }

    @Test
    void afterTickBringsTheClusterToTheClocksNowBeforeTheStepRuns() {
        cluster.scheduleAt(START, () -> ran.add("due"));

        List<String> seen = cluster.afterTick(() -> List.copyOf(ran));

        assertThat(seen).containsExactly("due");
    }

    @Test
    void advancingTheClockAppliesWhatFellDueInBetween() {
        cluster.scheduleAt(START.plusSeconds(30), () -> ran.add("at 30 s"));

        cluster.advanceClock(Duration.ofMinutes(1));

        assertThat(ran).containsExactly("at 30 s");
        assertThat(cluster.clock().now()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    }
}
