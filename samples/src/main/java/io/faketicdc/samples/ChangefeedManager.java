package io.faketicdc.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Manages TiCDC changefeeds over {@code /api/v2} the way a service would: idempotent create,
 * waiting for the owner to run what it accepted, config changes through pause/update/resume, and
 * removal confirmed by reading back. Transient failures are retried ({@link TiCdcHttp}); TiCDC's
 * refusals become {@link TiCdcApiException}, unhealthy changefeeds {@link ChangefeedStateException}.
 */
public final class ChangefeedManager {
    static final String NOT_EXISTS = "CDC:ErrChangeFeedNotExists";
    static final String ALREADY_EXISTS = "CDC:ErrChangeFeedAlreadyExists";

    private final URI base;
    private final TiCdcHttp http;
    private final ObjectMapper json = new ObjectMapper();

    public ChangefeedManager(URI baseUri) {
        this(baseUri, ClientSettings.defaults());
    }

    public ChangefeedManager(URI baseUri, ClientSettings settings) {
        this.base = baseUri;
        this.http = new TiCdcHttp(settings);
    }

    public ChangefeedStatus create(String id, String sinkUri) {
        return create(id, sinkUri, null);
    }

    /**
     * Creates the changefeed unless it exists (TiCDC answers that with a 500
     * {@code CDC:ErrChangeFeedAlreadyExists}), then waits until the owner runs it: normal.
     */
    public ChangefeedStatus create(String id, String sinkUri, JsonNode replicaConfig) {
        ObjectNode body = json.createObjectNode().put("changefeed_id", id).put("sink_uri", sinkUri);
        if (replicaConfig != null) body.set("replica_config", replicaConfig);
        ApiResponse r = http.send(base, "POST", "/api/v2/changefeeds", body.toString());
        if (!r.isSuccess() && !r.hasErrorCode(ALREADY_EXISTS)) throw new TiCdcApiException("create changefeed " + id, r);
        return awaitNormal(id);
    }

    /**
     * Creates the changefeed as {@link #create(String, String)} does, but when TiCDC could not open
     * the sink because its downstream is down (MySQL 400 {@code CDC:ErrMySQLConnectionError}, Kafka
     * 500 {@code CDC:ErrKafkaNewProducer}, ...) it asks again, up to {@code attempts} times in all,
     * waiting the client's back-off in between; the last refusal is thrown. Other refusals are
     * thrown at once.
     */
    // snippet:samples-create-retrying-downstream
    public ChangefeedStatus createWhenDownstreamIsUp(String id, String sinkUri, int attempts) {
        ObjectNode body = json.createObjectNode().put("changefeed_id", id).put("sink_uri", sinkUri);
        java.time.Duration wait = http.settings().initialBackoff();
        for (int attempt = 1; ; attempt++) {
            ApiResponse r = http.send(base, "POST", "/api/v2/changefeeds", body.toString());
            if (r.isSuccess() || r.hasErrorCode(ALREADY_EXISTS)) return awaitNormal(id);
            if (!DOWNSTREAM_DOWN.contains(r.errorCode()) || attempt >= attempts) {
                throw new TiCdcApiException("create changefeed " + id, r);
            }
            Pause.sleep(wait);
            wait = min(wait.multipliedBy(2), http.settings().maxBackoff());
        }
    }
    // end-snippet

    /** The codes TiCDC answers a create with when the sink's downstream cannot be reached. */
    static final java.util.Set<String> DOWNSTREAM_DOWN = java.util.Set.of("CDC:ErrMySQLConnectionError",
            "CDC:ErrKafkaNewProducer", "CDC:ErrPulsarNewProducer", "DFLOW:ErrFailToCreateExternalStorage");

    /** The changefeed as TiCDC reports it; empty when TiCDC does not know it (400 not exists). */
    public Optional<ChangefeedStatus> find(String id) {
        ApiResponse r = http.send(base, "GET", path(id), null);
        if (r.isSuccess()) return Optional.of(ChangefeedStatus.from(r.json()));
        if (r.hasErrorCode(NOT_EXISTS)) return Optional.empty();
        throw new TiCdcApiException("get changefeed " + id, r);
    }

    /**
     * Polls until the changefeed is normal. Right after a create it may not be visible yet, and a
     * warning or pending changefeed may recover: both are waited for. Failed, stopped and finished
     * end the wait at once; so does the state timeout, with the last state and error seen.
     */
    public ChangefeedStatus awaitNormal(String id) {
        return poll(id, "expected " + id + " to be normal", ChangefeedStatus::isNormal,
                s -> !s.isNormal() && !s.isRetrying());
    }

    /**
     * Replaces the changefeed's replica config: TiCDC only updates a stopped (or failed) changefeed,
     * so pause, wait for stopped, PUT the full config, resume, and wait for normal. When TiCDC
     * refuses the update the changefeed is resumed with its old config and the refusal thrown.
     */
    // snippet:samples-update-config
    public ChangefeedStatus updateConfig(String id, JsonNode replicaConfig) {
        expectSuccess("pause changefeed " + id, http.send(base, "POST", path(id) + "/pause", null));
        poll(id, "expected " + id + " to stop after a pause", s -> s.isStopped() || s.isFailed(), s -> false);
        ObjectNode body = json.createObjectNode().set("replica_config", replicaConfig);
        ApiResponse update = http.send(base, "PUT", path(id), body.toString());
        resume(id);
        expectSuccess("update changefeed " + id, update);
        // the owner applies the resume on a later tick: until then it still reads stopped (or failed)
        return poll(id, "expected " + id + " to run again after its resume", ChangefeedStatus::isNormal, s -> false);
    }
    // end-snippet

    /** Removes the changefeed and reads it back until TiCDC no longer knows it. */
    public void remove(String id) {
        expectSuccess("remove changefeed " + id, http.send(base, "DELETE", path(id), null));
        long deadline = System.nanoTime() + http.settings().stateTimeout().toNanos();
        Optional<ChangefeedStatus> left;
        while ((left = find(id)).isPresent()) {
            if (System.nanoTime() > deadline) throw new ChangefeedStateException("expected " + id + " to be gone", left.get());
            Pause.sleep(http.settings().pollInterval());
        }
    }

    private void resume(String id) {
        expectSuccess("resume changefeed " + id, http.send(base, "POST", path(id) + "/resume", "{}"));  // {} is required
    }

    private ChangefeedStatus poll(String id, String expectation, Predicate<ChangefeedStatus> done,
                                  Predicate<ChangefeedStatus> hopeless) {
        long deadline = System.nanoTime() + http.settings().stateTimeout().toNanos();
        ChangefeedStatus last = new ChangefeedStatus(id, "not visible", 0, null, null);
        while (true) {
            Optional<ChangefeedStatus> seen = find(id);
            if (seen.isPresent()) {
                last = seen.get();
                if (done.test(last)) return last;
                if (hopeless.test(last)) throw new ChangefeedStateException(expectation, last);
            }
            if (System.nanoTime() > deadline) {
                throw new ChangefeedStateException(expectation + " within " + http.settings().stateTimeout(), last);
            }
            Pause.sleep(http.settings().pollInterval());
        }
    }

    private static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void expectSuccess(String what, ApiResponse r) {
        if (!r.isSuccess()) throw new TiCdcApiException(what, r);
    }

    private static String path(String id) {
        return "/api/v2/changefeeds/" + id;
    }
}
