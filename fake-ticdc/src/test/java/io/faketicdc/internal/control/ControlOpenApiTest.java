package io.faketicdc.internal.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /fake/v1/openapi.json} describes exactly the routes {@link ControlApi} serves: a route added
 * to one and not the other fails here, so the two cannot drift.
 */
class ControlOpenApiTest {

    @Test
    void openApiListsEveryControlRouteAndNoOther() throws Exception {
        JsonNode doc = ScenarioReader.MAPPER.readTree(ControlOpenApi.bytes());
        List<String> described = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(m -> described.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        // gin's :param is OpenAPI's {param}
        List<String> served = new ControlApi(null, null).routes().stream()
                .map(r -> r.replaceAll(":([A-Za-z]+)", "{$1}"))
                .toList();

        assertThat(described).containsExactlyInAnyOrderElementsOf(served);
        assertThat(served).contains("GET /fake/v1/faults", "POST /fake/v1/faults", "DELETE /fake/v1/faults",
                "DELETE /fake/v1/faults/{id}");
    }
}
