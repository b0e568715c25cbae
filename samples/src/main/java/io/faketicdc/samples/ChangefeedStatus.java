package io.faketicdc.samples;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code GET /api/v2/changefeeds/{id}} says about a changefeed.
 *
 * @param id           the changefeed ID
 * @param state        TiCDC's raw state: normal, warning, pending, stopped, failed, finished
 * @param checkpointTs the checkpoint TSO
 * @param errorCode    the recorded error's code when TiCDC shows one (warning, pending, failed), else null
 * @param errorMessage the recorded error's message, else null
 */
public record ChangefeedStatus(String id, String state, long checkpointTs, String errorCode, String errorMessage) {

    static ChangefeedStatus from(JsonNode info) {
        JsonNode error = info.path("error");
        return new ChangefeedStatus(info.path("id").asText(), info.path("state").asText(),
                info.path("checkpoint_ts").asLong(),
                error.isObject() ? error.path("code").asText() : null,
                error.isObject() ? error.path("message").asText() : null);
    }

    public boolean isNormal() {
        return "normal".equals(state);
    }

    /** Retrying on its own (pending: backing off; warning: restarted after an error). */
    public boolean isRetrying() {
        return "warning".equals(state) || "pending".equals(state);
    }

    public boolean isFailed() {
        return "failed".equals(state);
    }

    public boolean isStopped() {
        return "stopped".equals(state);
    }

    @Override
    public String toString() {
        return id + " is " + state + (errorCode == null ? "" : " (" + errorCode + ": " + errorMessage + ")");
    }
}
