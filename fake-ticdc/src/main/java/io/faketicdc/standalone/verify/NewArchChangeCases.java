package io.faketicdc.standalone.verify;

import static io.faketicdc.standalone.verify.Case.changes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A {@code blackhole://} changefeed's life where the new architecture (pingcap/ticdc) answers
 * differently from tiflow: {@code keyspace} for {@code namespace}, {@code gid}, a duplicate create
 * is a 400, and v1 answers with v2's bodies and a 202. Only on profiles with the ticdc routes
 * ({@link NewArchReadCases#all()}).
 */
final class NewArchChangeCases {
    private NewArchChangeCases() { }

    private static final String CHANGEFEED = "pingcap/ticdc api/v2/changefeed.go";
    private static final List<String> LIST_ITEM = List.of("upstream_id", "id", "keyspace", "state", "checkpoint_tso", "checkpoint_time", "error");

    static List<Case> list() {
        return List.of(
                changes("a blackhole changefeed is created: compact, keyspace for namespace, gid, resolved_ts is the checkpoint",
                        "pingcap/ticdc api/v2/model.go", "lifecycle", c -> {
                            Reply r = c.createFeed(c.feedId());
                            c.expectCompact(r);
                            JsonNode n = c.json(r);
                            c.check(Ctx.keys(n).subList(0, 7).equals(List.of("upstream_id", "id", "keyspace", "sink_uri", "create_time", "start_ts", "config")),
                                    "expected the answer to begin upstream_id, id, keyspace, sink_uri, create_time, start_ts, config, got " + Ctx.keys(n));
                            c.check(!n.has("namespace") && !n.has("target_ts") && !n.has("admin_job_type") && !n.has("error") && !n.has("task_status"),
                                    "expected namespace, target_ts, admin_job_type, error and task_status left out, got " + Ctx.keys(n));
                            c.check(n.get("keyspace").asText().equals("default"), "expected keyspace default, got " + n.get("keyspace"));
                            c.check(n.get("sink_uri").asText().equals("blackhole:"), "expected sink_uri blackhole:, got " + n.get("sink_uri"));
                            c.expectTso(r, "start_ts");
                            c.check(n.path("resolved_ts").equals(n.path("checkpoint_ts")),
                                    "expected resolved_ts to be the checkpoint_ts, got " + n.get("resolved_ts") + " and " + n.get("checkpoint_ts"));
                            c.expectKeys(n.path("gid"), "the gid", "low", "high");
                        }),
                changes("a created changefeed reads back normal in keyspace default, and is listed with keyspace", CHANGEFEED, "lifecycle", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    Reply got = c.get("/api/v2/changefeeds/" + id + "?keyspace=default");
                    c.expectJson(got, 200);
                    c.expectCompact(got);
                    JsonNode n = c.json(got);
                    c.check(n.path("state").asText().equals("normal"), "expected state normal, got " + n.get("state"));
                    c.check(n.path("keyspace").asText().equals("default"), "expected keyspace default, got " + n.get("keyspace"));
                    c.expectTso(got, "checkpoint_ts");
                    JsonNode item = LifecycleCases.find(c, c.json(c.get("/api/v2/changefeeds?keyspace=default")).get("items"), id);
                    c.expectKeys(item, "a list item", LIST_ITEM.toArray(String[]::new));
                }),
                changes("creating an ID that exists is 400 ErrChangeFeedAlreadyExists", "pingcap/ticdc pkg/api/util.go", "lifecycle", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    c.expectError(c.post("/api/v2/changefeeds", c.createBody(id, null)), 400, "CDC:ErrChangeFeedAlreadyExists",
                            "[CDC:ErrChangeFeedAlreadyExists]changefeed already exists, " + id);
                }),
                changes("a v1 create answers 202 with the v2 changefeed, compact, and v2 reads it", "pingcap/ticdc api/v1/api.go", "v1", c -> {
                    String id = c.feedId();
                    Reply r = c.post("/api/v1/changefeeds", c.v1CreateBody(id));
                    c.expectJson(r, 202);
                    c.expectCompact(r);
                    JsonNode n = c.json(r);
                    c.check(n.path("id").asText().equals(id) && n.path("keyspace").asText().equals("default"),
                            "expected id " + id + " in keyspace default, got " + r.head());
                    c.settleState(id, "normal");
                    c.expectJson(c.get("/api/v2/changefeeds/" + id), 200);
                }),
                changes("a v1 get is the v2 detail: 200, compact, with keyspace and gid", CHANGEFEED, "v1", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    Reply r = c.get("/api/v1/changefeeds/" + id);
                    c.expectJson(r, 200);
                    c.expectCompact(r);
                    JsonNode n = c.json(r);
                    c.check(Ctx.keys(n).subList(0, 3).equals(List.of("upstream_id", "id", "keyspace")) && n.has("gid"),
                            "expected the v2 detail, got keys " + Ctx.keys(n));
                }),
                changes("the v1 list is a compact bare array of the v2 list items, with keyspace", "pingcap/ticdc api/v2/helper.go", "v1", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    Reply r = c.get("/api/v1/changefeeds");
                    c.expectJson(r, 200);
                    c.expectCompact(r);
                    c.check(c.json(r).isArray(), "expected a JSON array, got " + r.head());
                    c.expectKeys(LifecycleCases.find(c, c.json(r), id), "a v1 list item", LIST_ITEM.toArray(String[]::new));
                }),
                changes("v1 pause, resume and delete answer 202 with {}", CHANGEFEED, "v1", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    for (String[] step : new String[][] {{"POST", "/pause", "stopped"}, {"POST", "/resume", "normal"}, {"DELETE", "", null}}) {
                        Reply r = c.send(step[0], "/api/v1/changefeeds/" + id + step[1], null);
                        c.expectJson(r, 202);
                        c.expectBody(r, "{}");
                        if (step[2] != null) c.settleState(id, step[2]);
                    }
                    c.settleGone(id);
                    c.expectStatus(c.get("/api/v2/changefeeds/" + id), 400);
                }));
    }
}
