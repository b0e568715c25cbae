package io.faketicdc.standalone.verify;

import static io.faketicdc.standalone.verify.Case.changes;

import com.fasterxml.jackson.databind.JsonNode;
import io.faketicdc.internal.config.ApiSchema;
import io.faketicdc.internal.config.ProfileTraits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@code blackhole://} changefeed's life over v2: create, get, list, pause, update, resume,
 * delete, with the framing of each answer. Every changefeed is named with the run's prefix.
 */
final class LifecycleCases {
    private LifecycleCases() { }

    private static final String CHANGEFEED = "pingcap/tiflow cdc/api/v2/changefeed.go";

    static List<Case> list() {
        return List.of(
                changes("a blackhole changefeed is created: compact, Go's field order, sink_uri blackhole:, uint64 TSOs, omit-empty",
                        CHANGEFEED, "lifecycle", c -> {
                            Reply r = c.createFeed(c.feedId());
                            c.expectCompact(r);
                            JsonNode n = c.json(r);
                            c.check(Ctx.keys(n).subList(0, 7).equals(List.of("upstream_id", "namespace", "id", "sink_uri", "create_time", "start_ts", "config")),
                                    "expected the answer to begin upstream_id, namespace, id, sink_uri, create_time, start_ts, config, got " + Ctx.keys(n));
                            c.check(!n.has("target_ts") && !n.has("admin_job_type") && !n.has("error"),
                                    "expected target_ts, admin_job_type and error left out (omitempty), got " + Ctx.keys(n));
                            c.check(n.get("sink_uri").asText().equals("blackhole:"), "expected sink_uri blackhole:, got " + n.get("sink_uri"));
                            c.check(n.get("namespace").asText().equals("default"), "expected namespace default, got " + n.get("namespace"));
                            c.expectTso(r, "start_ts");
                            c.check(n.get("upstream_id").isIntegralNumber(), "expected upstream_id as a bare integer, got " + n.get("upstream_id"));
                        }).onlyWhere(Case.TIFLOW),
                changes("a new changefeed carries the profile's default replica config (with the kit's filter), in Go's key order",
                        "pingcap/tiflow pkg/config/replica_config.go", "lifecycle", c -> {
                            JsonNode config = c.json(c.createFeed(c.feedId())).get("config");
                            String expected = defaultConfig(c);
                            String actual = config == null ? "nothing" : config.toString();
                            c.check(actual.equals(expected), "the config differs from the profile's default: " + firstDifference(expected, actual));
                        }),
                changes("a created changefeed reads back normal, with its status and a place in the list",
                        CHANGEFEED, "lifecycle", c -> {
                            String id = c.feedId();
                            c.createFeed(id);
                            Reply got = c.get("/api/v2/changefeeds/" + id);
                            c.expectJson(got, 200);
                            c.expectCompact(got);
                            JsonNode n = c.json(got);
                            c.check(n.path("state").asText().equals("normal"), "expected state normal, got " + n.get("state"));
                            c.expectTso(got, "checkpoint_ts");
                            Reply status = c.get("/api/v2/changefeeds/" + id + "/status");
                            c.expectJson(status, 200);
                            c.expectCompact(status);
                            c.expectKeys(c.json(status), "the status", "state", "resolved_ts", "checkpoint_ts");
                            JsonNode item = find(c, c.json(c.get("/api/v2/changefeeds")).get("items"), id);
                            c.expectKeys(item, "a list item", "upstream_id", "namespace", "id", "state", "checkpoint_tso", "checkpoint_time", "error");
                        }).onlyWhere(Case.TIFLOW),
                changes("creating an ID that exists is 500 ErrChangeFeedAlreadyExists", CHANGEFEED, "lifecycle", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    c.expectError(c.post("/api/v2/changefeeds", c.createBody(id, null)), 500, "CDC:ErrChangeFeedAlreadyExists",
                            "[CDC:ErrChangeFeedAlreadyExists]changefeed already exists, " + id);
                }).onlyWhere(Case.TIFLOW),
                changes("a running changefeed refuses an update: 400 ErrChangefeedUpdateRefused", CHANGEFEED, "lifecycle", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    c.expectError(c.put("/api/v2/changefeeds/" + id, "{\"target_ts\":0}"), 400, "CDC:ErrChangefeedUpdateRefused",
                            "[CDC:ErrChangefeedUpdateRefused]changefeed update error: can only update changefeed config when it is stopped or failed");
                }),
                changes("pause answers {}, the changefeed is stopped and listed under state=stopped", CHANGEFEED, "lifecycle", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    Reply paused = c.post("/api/v2/changefeeds/" + id + "/pause", null);
                    c.expectJson(paused, 200);
                    c.expectBody(paused, "{}");
                    c.settleState(id, "stopped");
                    c.check(c.json(c.get("/api/v2/changefeeds/" + id + "/status")).path("state").asText().equals("stopped"), "expected state stopped after pause");
                    find(c, c.json(c.get("/api/v2/changefeeds?state=stopped")).get("items"), id);
                }),
                changes("a paused changefeed takes an update, answering the new config and admin_job_type 1", CHANGEFEED, "lifecycle", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    c.expectJson(c.post("/api/v2/changefeeds/" + id + "/pause", null), 200);
                    c.settleState(id, "stopped");
                    Reply r = c.put("/api/v2/changefeeds/" + id, "{\"replica_config\":{\"memory_quota\":2147483648,\"filter\":{\"rules\":[\""
                            + Ctx.FILTER_RULE + "\"]}}}");
                    c.expectJson(r, 200);
                    c.expectCompact(r);
                    JsonNode n = c.json(r);
                    c.check(n.path("admin_job_type").asInt() == 1, "expected admin_job_type 1, got " + n.get("admin_job_type"));
                    c.check(n.path("config").path("memory_quota").asLong() == 2147483648L, "expected memory_quota 2147483648, got " + n.path("config").get("memory_quota"));
                }),
                changes("resume answers {} and brings a paused changefeed back to normal", CHANGEFEED, "lifecycle", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    c.expectJson(c.post("/api/v2/changefeeds/" + id + "/pause", null), 200);
                    c.settleState(id, "stopped");
                    Reply r = c.post("/api/v2/changefeeds/" + id + "/resume", "{}");
                    c.expectJson(r, 200);
                    c.expectBody(r, "{}");
                    c.settleState(id, "normal");
                    c.check(c.json(c.get("/api/v2/changefeeds/" + id + "/status")).path("state").asText().equals("normal"), "expected state normal after resume");
                }),
                changes("delete answers {} and the changefeed is gone", CHANGEFEED, "lifecycle", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    Reply r = c.delete("/api/v2/changefeeds/" + id);
                    c.expectJson(r, 200);
                    c.expectBody(r, "{}");
                    c.settleGone(id);
                    c.expectError(c.get("/api/v2/changefeeds/" + id), 400, "CDC:ErrChangeFeedNotExists", ErrorCases.notExists(id));
                }),
                changes("Go's HTML escaping: an & in a sink URI comes back as \\u0026", CHANGEFEED, "lifecycle", c -> {
                    String id = c.feedId();
                    Reply r = c.post("/api/v2/changefeeds", c.createBody(id, null).replace("blackhole://", "blackhole://?a=1&b=2"));
                    c.expectJson(r, 200);
                    c.settleState(id, "normal");
                    c.check(r.body().contains("\"sink_uri\":\"blackhole:?a=1\\u0026b=2\""), "expected sink_uri \"blackhole:?a=1\\u0026b=2\", got " + r.head());
                }),
                changes("meta_info shows the sink URI as it was given", CHANGEFEED, "lifecycle", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    Reply r = c.get("/api/v2/changefeeds/" + id + "/meta_info");
                    c.expectJson(r, 200);
                    c.check(c.json(r).path("sink_uri").asText().equals("blackhole://"), "expected sink_uri blackhole://, got " + c.json(r).get("sink_uri"));
                }).onlyWhere(Case.TIFLOW),
                changes("the synced status names the sink checkpoint, puller resolved ts, last synced ts, now and info",
                        CHANGEFEED, "lifecycle", c -> {
                            String id = c.feedId();
                            c.createFeed(id);
                            Reply r = c.get("/api/v2/changefeeds/" + id + "/synced");
                            c.expectJson(r, 200);
                            c.expectKeys(c.json(r), "the synced status", "synced", "sink_checkpoint_ts", "puller_resolved_ts", "last_synced_ts", "now_ts", "info");
                        }).onlyWhere(ProfileTraits::syncedRoute),
                changes("a start_ts ahead of the current TSO is refused where the profile checks it", CHANGEFEED, "lifecycle", c -> {
                    Reply r = c.post("/api/v2/changefeeds", c.createBody(c.feedId(), "\"start_ts\":999999999999999999"));
                    if (c.traits().tsNotAheadOfCurrentTso()) {
                        c.expectErrorPrefix(r, 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid start-ts 999999999999999999, larger than current tso ");
                    } else {
                        c.expectJson(r, 200);
                    }
                }));
    }

    static JsonNode find(Ctx c, JsonNode items, String id) {
        for (JsonNode item : items) if (item.path("id").asText().equals(id)) return item;
        throw new CaseFailure("changefeed " + id + " is not in the list");
    }

    /** The profile's default replica config (the fake's data file, written from the real server's), with the kit's filter. */
    private static String defaultConfig(Ctx c) {
        try (InputStream in = LifecycleCases.class.getResourceAsStream(ApiSchema.defaultReplicaConfigPath(c.profile()))) {
            JsonNode config = Ctx.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("filter")).putArray("rules").add(Ctx.FILTER_RULE);
            return config.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) i++;
        int from = Math.max(0, i - 40);
        return "expected ..." + expected.substring(from, Math.min(expected.length(), i + 40)) + "... got ..."
                + actual.substring(Math.min(from, actual.length()), Math.min(actual.length(), i + 40)) + "...";
    }
}
