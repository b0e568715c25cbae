package io.faketicdc.internal.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.ChangefeedSeed;
import io.faketicdc.Credentials;
import io.faketicdc.script.Step;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads scenario JSON into a {@link ScenarioData}; every error is an {@link InputException} naming the
 * source, line and field.
 */
public final class ScenarioReader {
    /** The fake's one Jackson mapper: control API and scenario files; the public records' mapping is {@link JsonMixIns}. */
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JsonMixIns());

    private ScenarioReader() { }

    public static ScenarioData read(String json, String source) {
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = MAPPER.readTree(json);
            lines = JsonLocations.index(json);
        } catch (JsonProcessingException e) {
            throw new InputException(source + ":" + e.getLocation().getLineNr() + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(source + ": " + e.getMessage(), e);
        }
        Fields f = new Fields(source, lines);
        if (root == null || !root.isObject()) throw f.error("", "a scenario is a JSON object");
        f.known(root, "", "name", "description", "cluster", "changefeeds", "steps", "faults");
        Integer captures = null;
        Credentials credentials = null;
        List<String> pdAddrs = List.of();
        JsonNode cluster = root.get("cluster");
        if (cluster != null) {
            f.known(cluster, "cluster", "captures", "pdAddrs", "clientUserRequired", "users");
            if (cluster.has("captures")) captures = f.positiveInt(cluster.get("captures"), "cluster.captures");
            if (cluster.has("pdAddrs")) pdAddrs = ClusterJson.pdAddrs(cluster.get("pdAddrs"), f);
            credentials = ClusterJson.credentials(cluster, f);
        }
        List<ChangefeedSeed> seeds = new ArrayList<>();
        JsonNode cfs = root.get("changefeeds");
        if (cfs != null) {
            f.array(cfs, "changefeeds");
            for (int i = 0; i < cfs.size(); i++) seeds.add(StepJson.seed(cfs.get(i), "changefeeds[" + i + "]", f));
        }
        List<Step> steps = new ArrayList<>();
        JsonNode st = root.get("steps");
        if (st != null) {
            f.array(st, "steps");
            for (int i = 0; i < st.size(); i++) steps.add(StepJson.step(st.get(i), "steps[" + i + "]", f));
        }
        List<Object> faults = new ArrayList<>();
        JsonNode fl = root.get("faults");
        if (fl != null) {
            f.array(fl, "faults");
            for (int i = 0; i < fl.size(); i++) faults.add(FaultJson.fault(fl.get(i), "faults[" + i + "]", f));
        }
        return new ScenarioData(f.text(root.get("name"), "name"), f.text(root.get("description"), "description"),
                captures, seeds, steps, faults, credentials, pdAddrs);
    }
}
