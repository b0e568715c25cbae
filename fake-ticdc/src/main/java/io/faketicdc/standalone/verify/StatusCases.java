package io.faketicdc.standalone.verify;

import static io.faketicdc.standalone.verify.Case.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Server status, health, TSO, captures and the owner's view: reads only. */
final class StatusCases {
    private StatusCases() { }

    static List<Case> list() {
        return List.of(
                read("the server status names version, git hash, capture, cluster, pid, owner flag and liveness, indented",
                        "pingcap/tiflow cdc/api/v2/status.go", "status", c -> {
                            Reply r = c.get("/api/v2/status");
                            c.expectJson(r, 200);
                            c.expectIndented(r, 4);
                            c.expectKeys(c.json(r), "the status", "version", "git_hash", "id", "cluster_id", "pid", "is_owner", "liveness");
                        }),
                read("health answers 200 with an empty JSON object", "pingcap/tiflow cdc/api/v2/health.go", "status", c -> {
                    Reply r = c.get("/api/v2/health");
                    c.expectJson(r, 200);
                    c.expectBody(r, "{}");
                }),
                read("a TSO query answers timestamp and logic_time, indented", "pingcap/tiflow cdc/api/v2/tso.go", "status", c -> {
                    Reply r = c.post("/api/v2/tso", "{}");
                    c.expectJson(r, 200);
                    c.expectIndented(r, 4);
                    JsonNode n = c.json(r);
                    c.expectKeys(n, "the TSO", "timestamp", "logic_time");
                    c.check(n.get("timestamp").isIntegralNumber() && n.get("timestamp").asLong() > 0, "timestamp is not a positive integer: " + n);
                }),
                read("the captures list is compact: total, then items of id, is_owner, address, cluster_id",
                        "pingcap/tiflow cdc/api/v2/capture.go", "captures", c -> {
                            Reply r = c.get("/api/v2/captures");
                            c.expectJson(r, 200);
                            c.expectCompact(r);
                            JsonNode n = c.json(r);
                            c.expectKeys(n, "the list", "total", "items");
                            c.check(n.get("total").asInt() == n.get("items").size(), "total " + n.get("total") + " is not the number of items");
                            for (JsonNode item : n.get("items")) c.expectKeys(item, "a capture", "id", "is_owner", "address", "cluster_id");
                        }),
                read("exactly one capture is the owner, and the status of the capture asked agrees with the list",
                        "pingcap/tiflow cdc/api/v2/capture.go", "captures", c -> {
                            JsonNode items = c.json(c.get("/api/v2/captures")).get("items");
                            JsonNode status = c.json(c.get("/api/v2/status"));
                            int owners = 0;
                            boolean listed = false;
                            for (JsonNode item : items) {
                                if (item.get("is_owner").asBoolean()) owners++;
                                if (item.get("id").equals(status.get("id"))) {
                                    listed = true;
                                    c.check(item.get("is_owner").equals(status.get("is_owner")), "the list and the status disagree on is_owner");
                                }
                            }
                            c.check(owners == 1, "expected one owner among the captures, got " + owners);
                            c.check(listed, "the capture asked (" + status.get("id") + ") is not in the captures list");
                        }),
                read("the changefeed list is compact: total, then items", "pingcap/tiflow cdc/api/v2/changefeed.go", "lists", c -> {
                    Reply r = c.get("/api/v2/changefeeds");
                    c.expectJson(r, 200);
                    c.expectCompact(r);
                    JsonNode n = c.json(r);
                    c.expectKeys(n, "the list", "total", "items");
                    c.check(n.get("items").isArray() && n.get("total").asInt() == n.get("items").size(), "total is not the number of items");
                }),
                read("the processor list is compact: total, then items", "pingcap/tiflow cdc/api/v2/processor.go", "lists", c -> {
                    Reply r = c.get("/api/v2/processors");
                    c.expectJson(r, 200);
                    c.expectCompact(r);
                    c.expectKeys(c.json(r), "the list", "total", "items");
                }),
                read("verify_table with a filter that selects no table answers {}: both lists omitted when empty",
                        "pingcap/tiflow cdc/api/v2/changefeed.go", "lists", c -> {
                            Reply r = c.post("/api/v2/verify_table", "{" + Ctx.REPLICA_CONFIG + "}");
                            c.expectJson(r, 200);
                            c.expectBody(r, "{}");
                        }),
                read("v1 status answers the same status as v2", "pingcap/tiflow cdc/api/v1/api.go", "v1", c -> {
                    Reply v2 = c.get("/api/v2/status");
                    Reply v1 = c.get("/api/v1/status");
                    c.expectJson(v1, 200);
                    c.expectBody(v1, v2.body());
                }),
                read("v1 health answers 200 with an empty body", "pingcap/tiflow cdc/api/v1/api.go", "v1", c -> {
                    Reply r = c.get("/api/v1/health");
                    c.expectStatus(r, 200);
                    c.expectBody(r, "");
                }).onlyWhere(Case.TIFLOW),
                read("v1 captures are the v2 captures as an indented bare array", "pingcap/tiflow cdc/api/v1/api.go", "v1", c -> {
                    Reply v1 = c.get("/api/v1/captures");
                    c.expectJson(v1, 200);
                    c.expectIndented(v1, 4);
                    JsonNode v2 = c.json(c.get("/api/v2/captures")).get("items");
                    c.check(ids(c.json(v1)).equals(ids(v2)), "v1 lists captures " + ids(c.json(v1)) + ", v2 " + ids(v2));
                }).onlyWhere(Case.TIFLOW),
                read("the v1 changefeed list is an indented bare array", "pingcap/tiflow cdc/api/v1/api.go", "v1", c -> {
                    Reply r = c.get("/api/v1/changefeeds");
                    c.expectJson(r, 200);
                    c.check(c.json(r).isArray(), "expected a JSON array, got " + r.head());
                    if (!r.body().equals("[]")) c.expectIndented(r, 4);
                }),
                read("the root /status is the legacy status: one-space indent, no cluster_id or liveness",
                        "pingcap/tiflow cdc/api/status/status.go", "status", c -> {
                            Reply r = c.get("/status");
                            c.expectStatus(r, 200);
                            c.check("application/json".equals(r.contentType()), "expected Content-Type application/json, got " + r.contentType());
                            c.expectIndented(r, 1);
                            c.expectKeys(c.json(r), "the status", "version", "git_hash", "id", "pid", "is_owner");
                        }).onlyWhere(Case.TIFLOW));
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : array) ids.add(item.get("id").asText());
        return ids;
    }
}
