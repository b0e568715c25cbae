package io.faketicdc.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One capture process as {@code GET /api/v1/captures} lists it. */
public record Capture(String id, String address, boolean owner) {

    static List<Capture> listFrom(JsonNode array) {
        List<Capture> out = new ArrayList<>();
        for (JsonNode c : array) {
            out.add(new Capture(c.path("id").asText(), c.path("address").asText(), c.path("is_owner").asBoolean()));
        }
        return out;
    }
}
