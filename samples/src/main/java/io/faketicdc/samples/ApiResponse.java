package io.faketicdc.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** One answer of the TiCDC API: the status and body, with the error fields TiCDC puts in error bodies. */
public record ApiResponse(int status, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as JSON; a missing node when it is empty or not JSON (404 text, v1's empty 202s). */
    public JsonNode json() {
        if (body == null || body.isBlank()) return MissingNode.getInstance();
        try {
            return JSON.readTree(body);
        } catch (Exception notJson) {
            return MissingNode.getInstance();
        }
    }

    /** TiCDC's {@code error_code} ({@code "CDC:ErrChangeFeedNotExists"}), "" for plain Go errors and non-errors. */
    public String errorCode() {
        return json().path("error_code").asText("");
    }

    /** TiCDC's {@code error_msg}, or the raw body when it is not an error JSON. */
    public String errorMessage() {
        JsonNode msg = json().path("error_msg");
        return msg.isMissingNode() ? body : msg.asText();
    }

    public boolean hasErrorCode(String code) {
        return code.equals(errorCode());
    }

    @Override
    public String toString() {
        return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
