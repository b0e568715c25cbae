package io.faketicdc.scenario;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.Credentials;
import io.faketicdc.internal.control.InputException;
import io.faketicdc.internal.control.ScenarioData;
import io.faketicdc.internal.control.ScenarioReader;
import io.faketicdc.script.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario file: the cluster it needs, the changefeeds it starts with, and the steps that
 * happen later (at a clock time or on the Nth matching request). JSON, for example:
 *
 * <pre>{@code
 * {
 *   "name": "changefeed fails after a lag",
 *   "cluster": {"captures": 1},
 *   "changefeeds": [{"id": "orders", "sinkUri": "kafka://kafka:9092/orders?protocol=canal-json"}],
 *   "faults": [{"route": "pause changefeed", "schedule": {"kind": "FIRST_N", "n": 1},
 *               "effect": {"kind": "error", "status": 500, "code": "CDC:ErrEtcdTryAgain", "message": "etcdserver: request timed out"}}],
 *   "steps": [
 *     {"after": "10m", "changefeed": "orders", "kind": "LAG", "duration": "5m"},
 *     {"after": "15m", "changefeed": "orders", "kind": "PERSISTENT_ERROR",
 *      "code": "CDC:ErrKafkaNewProducer", "message": "kafka: client has run out of available brokers"}
 *   ]
 * }
 * }</pre>
 *
 * @param name        a label
 * @param description free text
 * @param captures    the number of captures the scenario needs (null: any)
 * @param changefeeds changefeeds seeded when the scenario loads
 * @param steps       scripted steps, applied (or scheduled) when it loads, in order
 * @param faults      fault rules ({@link io.faketicdc.faults.FaultRule}) and cluster faults
 *                    ({@link io.faketicdc.faults.ClusterFault}) added when it loads, in order
 * @param credentials the client authentication the scenario needs ({@code "cluster":
 *                    {"clientUserRequired": true, "users": [{"name": "root", "password": "secret"}]}});
 *                    null: any
 * @param pdAddrs     the upstream PD endpoints the scenario needs ({@code "cluster": {"pdAddrs":
 *                    ["http://127.0.0.1:2379"]}}); empty: any
 */
public record Scenario(String name, String description, Integer captures, List<ChangefeedSeed> changefeeds,
                       List<Step> steps, List<Object> faults, Credentials credentials, List<String> pdAddrs) {

    public Scenario {
        pdAddrs = pdAddrs == null ? List.of() : List.copyOf(pdAddrs);
        changefeeds = changefeeds == null ? List.of() : List.copyOf(changefeeds);
        steps = steps == null ? List.of() : List.copyOf(steps);
        faults = faults == null ? List.of() : List.copyOf(faults);
        for (Object f : faults) {
            if (!(f instanceof io.faketicdc.faults.FaultRule) && !(f instanceof io.faketicdc.faults.ClusterFault)) {
                throw new IllegalArgumentException("a scenario fault is a FaultRule or a ClusterFault, not " + f);
            }
        }
    }

    /** Reads a scenario; errors name {@code source}, the line and the field. */
    public static Scenario parse(String json, String source) {
        ScenarioData d;
        try {
            d = ScenarioReader.read(json, source);
        } catch (InputException e) {
            // the reader's message and cause (a Jackson error for bad JSON, else none), as a public type
            throw new ScenarioException(e.getMessage(), e.getCause());
        }
        return new Scenario(d.name(), d.description(), d.captures(), d.changefeeds(), d.steps(), d.faults(),
                d.credentials(), d.pdAddrs());
    }

    public static Scenario fromFile(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A scenario on the classpath; a bare name such as {@code rolling-upgrade} finds one of the
     * scenarios shipped with fake-ticdc ({@code /scenarios/rolling-upgrade.json}).
     */
    public static Scenario fromClasspath(String resource) {
        String path = resource.contains("/") || resource.endsWith(".json") ? resource : "scenarios/" + resource + ".json";
        String normalized = path.startsWith("/") ? path.substring(1) : path;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader != null ? loader.getResourceAsStream(normalized) : null;
        if (in == null) in = Scenario.class.getClassLoader().getResourceAsStream(normalized);
        if (in == null) throw new ScenarioException("no scenario on the classpath at " + normalized);
        try (InputStream stream = in) {
            return parse(new String(stream.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + normalized);
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario " + normalized + ": " + e.getMessage(), e);
        }
    }
}
