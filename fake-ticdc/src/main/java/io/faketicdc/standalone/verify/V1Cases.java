package io.faketicdc.standalone.verify;

import static io.faketicdc.standalone.verify.Case.changes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The v1 routes deployment tools use, on changefeeds the kit creates; v1 and v2 see the same changefeeds. */
final class V1Cases {
    private V1Cases() { }

    private static final String V1 = "pingcap/tiflow cdc/api/v1/api.go";

    static List<Case> list() {
        return List.of(
                changes("a v1 create answers 202 with an empty body and v2 reads the changefeed", V1, "v1", c -> {
                    String id = c.feedId();
                    Reply r = c.post("/api/v1/changefeeds", c.v1CreateBody(id));
                    c.expectStatus(r, 202);
                    c.expectBody(r, "");
                    c.settleState(id, "normal");
                    c.expectJson(c.get("/api/v2/changefeeds/" + id), 200);
                }).onlyWhere(Case.TIFLOW),
                changes("a v1 get shows the changefeed indented, in v1's field order", V1, "v1", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    Reply r = c.get("/api/v1/changefeeds/" + id);
                    c.expectJson(r, 200);
                    c.expectIndented(r, 4);
                    JsonNode n = c.json(r);
                    c.check(Ctx.keys(n).subList(0, 13).equals(List.of("upstream_id", "namespace", "id", "sink_uri", "create_time", "start_ts",
                            "resolved_ts", "target_ts", "checkpoint_tso", "checkpoint_time", "state", "error", "error_history")),
                            "unexpected v1 field order " + Ctx.keys(n));
                    c.expectTso(r, "checkpoint_tso");
                }).onlyWhere(Case.TIFLOW),
                changes("the v1 list shows a v2 changefeed with v1's list fields", V1, "v1", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    Reply r = c.get("/api/v1/changefeeds");
                    c.expectJson(r, 200);
                    c.expectIndented(r, 4);
                    c.expectKeys(LifecycleCases.find(c, c.json(r), id), "a v1 list item",
                            "upstream_id", "namespace", "id", "state", "checkpoint_tso", "checkpoint_time", "error");
                }).onlyWhere(Case.TIFLOW),
                changes("v1 pause, resume and delete answer 202 with an empty body", V1, "v1", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    for (String[] step : new String[][] {{"POST", "/pause", "stopped"}, {"POST", "/resume", "normal"}, {"DELETE", "", null}}) {
                        Reply r = c.send(step[0], "/api/v1/changefeeds/" + id + step[1], null);
                        c.expectStatus(r, 202);
                        c.expectBody(r, "");
                        if (step[2] != null) c.settleState(id, step[2]);
                    }
                    c.settleGone(id);
                    c.expectStatus(c.get("/api/v2/changefeeds/" + id), 400);
                }).onlyWhere(Case.TIFLOW),
                new Case("resigning the owner answers {} and the cluster has one owner again", "pingcap/tiflow cdc/api/v2/owner.go",
                        Case.Kind.DISRUPTIVE, List.of("captures"), t -> true, c -> {
                            Reply r = c.post("/api/v2/owner/resign", null);
                            c.expectJson(r, 200);
                            c.expectBody(r, "{}");
                            c.settle("a new owner", "/api/v2/captures", x -> x.status() == 200 && x.body().split("\"is_owner\":true", -1).length == 2);
                            int owners = 0;
                            for (JsonNode item : c.json(c.get("/api/v2/captures")).get("items")) if (item.get("is_owner").asBoolean()) owners++;
                            c.check(owners == 1, "expected one owner after the resignation, got " + owners);
                        }));
    }
}
