package io.faketicdc.junit.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs example classes through the Jupiter engine and reads what they reported.
 *
 * <p>Many examples fail on purpose, and a failing test's fake prints its requests to standard
 * error; that is the expected outcome, which the tests assert through the engine's events, so a
 * run keeps its standard error to itself ({@link #standardError()}) and a green build stays quiet.
 * {@code -Dkit.stderr=show} prints it as well, for a test being debugged.
 */
public final class Kit {
    private static volatile String standardError = "";

    private Kit() { }

    /** Runs the classes one after the other. */
    public static EngineExecutionResults run(Class<?>... classes) {
        return execute(builder(classes));
    }

    /** What the examples of the last run printed to standard error. */
    public static String standardError() {
        return standardError;
    }

    private static EngineExecutionResults execute(EngineTestKit.Builder kit) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return kit.execute();
        } finally {
            System.setErr(err);
            standardError = captured.toString(StandardCharsets.UTF_8);
            if ("show".equals(System.getProperty("kit.stderr"))) err.print(standardError);
        }
    }

    /** Runs the classes, and their tests, concurrently on {@code threads} threads. */
    public static EngineExecutionResults runInParallel(int threads, Class<?>... classes) {
        return execute(builder(classes)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism",
                        String.valueOf(threads)));
    }

    private static EngineTestKit.Builder builder(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Example.ENABLED, "true")
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(
                        org.junit.platform.engine.DiscoverySelector[]::new));
    }

    /** Every value the tests published under {@code key} with {@code TestReporter}, in event order. */
    public static List<String> reported(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .map((Map<String, String> kv) -> kv.get(key))
                .filter(Objects::nonNull)
                .toList();
    }

    /** The ports reported under "port", as numbers. */
    public static List<Integer> reportedPorts(EngineExecutionResults results) {
        return reported(results, "port").stream().map(Integer::valueOf).toList();
    }

    /** Fails unless nothing listens on any of the ports any more. */
    public static void assertClosed(List<Integer> ports) {
        assertThat(ports).isNotEmpty();
        for (int port : ports) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                fail("port " + port + " still accepts connections after the run");
            } catch (ConnectException expected) {
                // refused: the fake is closed
            } catch (IOException e) {
                throw new AssertionError("port " + port + ": " + e, e);
            }
        }
    }
}
