package io.faketicdc.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.api.Http;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A user's test JVM: fake-ticdc and its dependencies on the class path, slf4j-api among them, and
 * no SLF4J binding. Starting a fake there prints nothing (no "No SLF4J providers were found", no
 * Javalin logger box, no banner); with a binding on the class path, Javalin and Jetty log through it.
 * Each case is a fresh JVM, since SLF4J binds once per JVM.
 */
class QuietWithoutABindingTest {

    /** What the forked JVM runs: a fake started, asked one request, closed. */
    public static final class StartOne {
        public static void main(String[] args) throws Exception {
            try (FakeTiCdc fake = FakeTiCdc.create().start()) {
                int status = Http.send(fake.port(), "GET", "/api/v2/health", null).status();
                if (status != 200) throw new AssertionError("health answered " + status);
            }
        }
    }

    @Test
    void withoutABindingAFakePrintsNothing() throws Exception {
        List<String> cp = testClassPath(entry -> !isBinding(entry));
        assertThat(cp).anyMatch(e -> e.contains("slf4j-api")).noneMatch(e -> e.contains("slf4j-simple"));
        String output = run(cp);
        assertThat(output).isEmpty();
    }

    @Test
    void withABindingJavalinAndJettyLogThroughIt() throws Exception {
        List<String> cp = testClassPath(entry -> true);
        assertThat(cp).as("slf4j-simple, fake-ticdc's optional binding, is on the test class path")
                .anyMatch(e -> e.contains("slf4j-simple"));
        String output = run(cp, "-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        assertThat(output).contains("INFO org.eclipse.jetty.server.Server").doesNotContain("SLF4J(");
    }

    private static boolean isBinding(String entry) {
        String name = new File(entry).getName();
        return name.startsWith("slf4j-simple") || name.startsWith("slf4j-nop") || name.startsWith("logback-classic");
    }

    /** The class path surefire gave the tests (its booter jar hides it from java.class.path), filtered. */
    private static List<String> testClassPath(java.util.function.Predicate<String> keep) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator)).filter(e -> !e.isBlank()).filter(keep).collect(Collectors.toList());
    }

    private static String run(List<String> classPath, String... jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + "/bin/java");
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classPath));
        cmd.add(StartOne.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
