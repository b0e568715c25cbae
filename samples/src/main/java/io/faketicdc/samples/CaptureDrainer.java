package io.faketicdc.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;

/**
 * Moves a capture's tables away before its restart: {@code PUT /api/v1/captures/drain} until
 * {@code current_table_count} is 0, with TiUP's reading of the answers.
 */
final class CaptureDrainer {
    record Result(DrainOutcome outcome, int requests) { }

    private final TiCdcHttp http;
    private final RestartSettings settings;

    CaptureDrainer(TiCdcHttp http, RestartSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    Result drain(URI base, Capture target) {
        String body = new ObjectMapper().createObjectNode().put("capture_id", target.id()).toString();
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        int requests = 0;
        String last;
        while (true) {
            requests++;
            try {
                ApiResponse r = http.once(base, "PUT", "/api/v1/captures/drain", body);
                DrainOutcome outcome = outcome(r);
                if (outcome != null) return new Result(outcome, requests);
                last = r.toString();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + " " + e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new RollingRestartException("draining " + target.address() + " did not finish within "
                        + settings.drainTimeout().toMillis() + " ms; last: " + last);
            }
            Pause.sleep(settings.drainInterval());
        }
    }

    /** The outcome an answer settles, or null to ask again. */
    private static DrainOutcome outcome(ApiResponse r) {
        if (r.status() == 404) return DrainOutcome.SKIPPED_NO_DRAIN_API;
        if (r.status() == 503) {
            return r.body().contains("CDC:ErrVersionIncompatible") ? DrainOutcome.SKIPPED_VERSION_INCOMPATIBLE : null;
        }
        if (r.body().contains("CDC:ErrSchedulerRequestFailed") || r.body().contains("CDC:ErrCaptureNotExist")) {
            return DrainOutcome.NOTHING_TO_DRAIN;
        }
        if (!r.isSuccess()) throw new TiCdcApiException("drain capture", r);
        return r.json().path("current_table_count").asInt(-1) == 0 ? DrainOutcome.DRAINED : null;
    }
}
