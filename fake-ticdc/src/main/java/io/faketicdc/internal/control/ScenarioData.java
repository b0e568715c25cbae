package io.faketicdc.internal.control;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.Credentials;
import io.faketicdc.script.Step;
import java.util.List;

/**
 * What {@link ScenarioReader} found in a scenario file, field for field what {@code Scenario}
 * holds; {@code Scenario.parse} makes the public record from it.
 *
 * @param captures null when the file does not say
 * @param faults   each a {@code FaultRule} or a {@code ClusterFault}
 * @param credentials null when the file does not say
 * @param pdAddrs  empty when the file does not say
 */
public record ScenarioData(String name, String description, Integer captures, List<ChangefeedSeed> changefeeds,
                           List<Step> steps, List<Object> faults, Credentials credentials, List<String> pdAddrs) {
}
