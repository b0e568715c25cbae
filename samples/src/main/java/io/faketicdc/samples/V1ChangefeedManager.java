package io.faketicdc.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Manages changefeeds over the older {@code /api/v1}, as TiEM (pingcap/tiunimanager) does: every
 * change is a request that TiCDC accepts with 202 and an empty body, applied by the owner later;
 * reads are 200 with v1's own shapes (a bare array for the list). Any other answer to a change is
 * a {@link TiCdcApiException}; transient failures are retried ({@link TiCdcHttp}).
 *
 * <p>v1 takes no namespace (everything is in {@code default}), no replica config (its fields sit
 * in the body itself, the sink part with kebab-case keys), and updates only a stopped or failed
 * changefeed.
 */
public final class V1ChangefeedManager {
    static final String NOT_EXISTS = "CDC:ErrChangeFeedNotExists";
    private static final String BASE = "/api/v1/changefeeds";

    private final URI base;
    private final TiCdcHttp http;
    private final ObjectMapper json = new ObjectMapper();

    public V1ChangefeedManager(URI baseUri) {
        this(baseUri, ClientSettings.defaults());
    }

    public V1ChangefeedManager(URI baseUri, ClientSettings settings) {
        this.base = baseUri;
        this.http = new TiCdcHttp(settings);
    }

    /** Creates changefeed {@code id} replicating to {@code sinkUri} from now on. */
    public void create(String id, String sinkUri) {
        create(json.createObjectNode().put("changefeed_id", id).put("sink_uri", sinkUri));
    }

    /**
     * Creates a changefeed from a full v1 body: {@code changefeed_id}, {@code sink_uri},
     * {@code start_ts}, {@code target_ts}, {@code filter_rules}, {@code sink_config}...
     */
    public void create(ObjectNode body) {
        expectAccepted("create changefeed " + body.path("changefeed_id").asText(), http.send(base, "POST", BASE, body.toString()));
    }

    /** Every changefeed but finished and removed ones (v1's default list). */
    public List<ChangefeedStatus> list() {
        return list("");
    }

    /** The changefeeds in one raw state ({@code normal}, {@code stopped}, {@code failed}...), or {@code all}. */
    public List<ChangefeedStatus> list(String state) {
        ApiResponse r = http.send(base, "GET", state.isEmpty() ? BASE : BASE + "?state=" + state, null);
        if (r.status() != 200) throw new TiCdcApiException("list changefeeds", r);
        List<ChangefeedStatus> out = new ArrayList<>();
        for (JsonNode item : r.json()) out.add(status(item));
        return out;
    }

    /** The changefeed as v1 reports it; empty when TiCDC does not know it (400 not exists). */
    public Optional<ChangefeedStatus> find(String id) {
        ApiResponse r = http.send(base, "GET", path(id), null);
        if (r.status() == 200) return Optional.of(status(r.json()));
        if (r.hasErrorCode(NOT_EXISTS)) return Optional.empty();
        throw new TiCdcApiException("get changefeed " + id, r);
    }

    public void pause(String id) {
        expectAccepted("pause changefeed " + id, http.send(base, "POST", path(id) + "/pause", null));
    }

    /** v1's resume takes no body. */
    public void resume(String id) {
        expectAccepted("resume changefeed " + id, http.send(base, "POST", path(id) + "/resume", null));
    }

    /**
     * Changes what v1 lets change ({@code target_ts}, {@code sink_uri}, {@code filter_rules},
     * {@code ignore_txn_start_ts}, {@code mounter_worker_num}, {@code sink_config}) of a stopped
     * or failed changefeed; TiCDC refuses a running one, and a body that changes nothing.
     */
    public void update(String id, ObjectNode changes) {
        expectAccepted("update changefeed " + id, http.send(base, "PUT", path(id), changes.toString()));
    }

    /** Removes the changefeed; v1 answers an unknown one with 400 not exists. */
    public void remove(String id) {
        expectAccepted("remove changefeed " + id, http.send(base, "DELETE", path(id), null));
    }

    /** v1 list items and details name the checkpoint {@code checkpoint_tso}; only the list fills {@code error}. */
    private static ChangefeedStatus status(JsonNode item) {
        JsonNode error = item.path("error");
        return new ChangefeedStatus(item.path("id").asText(), item.path("state").asText(),
                item.path("checkpoint_tso").asLong(),
                error.isObject() ? error.path("code").asText() : null,
                error.isObject() ? error.path("message").asText() : null);
    }

    /** TiEM checks for exactly 202: any other status, even another 2xx, is a failure. */
    private static void expectAccepted(String what, ApiResponse r) {
        if (r.status() != 202) throw new TiCdcApiException(what, r);
    }

    private static String path(String id) {
        return BASE + "/" + id;
    }
}
