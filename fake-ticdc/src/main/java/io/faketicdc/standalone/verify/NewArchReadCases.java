package io.faketicdc.standalone.verify;

import static io.faketicdc.standalone.verify.Case.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the new architecture (pingcap/ticdc) answers reads and refused requests differently from
 * tiflow: its v1 is a shim over v2, the root {@code /status} is the v2 status, an unknown
 * changefeed's delete answers {@code null}, processors are stubs, meta_info and the v2 drain are
 * gone. Each replaces a tiflow case of the same topic, which runs only on the tiflow profiles.
 */
final class NewArchReadCases {
    private NewArchReadCases() { }

    private static final String CHANGEFEED = "pingcap/ticdc api/v2/changefeed.go";
    private static final String HELPER = "pingcap/ticdc api/v2/helper.go";

    static List<Case> list() {
        return List.of(
                read("v1 health answers 200 with {}, as v2 does (v1 is a shim over v2)", "pingcap/ticdc api/v2/health.go", "v1", c -> {
                    Reply r = c.get("/api/v1/health");
                    c.expectJson(r, 200);
                    c.expectBody(r, "{}");
                }),
                read("v1 captures are the v2 captures as a compact bare array", HELPER, "v1", c -> {
                    Reply v1 = c.get("/api/v1/captures");
                    c.expectJson(v1, 200);
                    c.expectCompact(v1);
                    JsonNode n = c.json(v1);
                    c.check(n.isArray(), "expected a JSON array, got " + v1.head());
                    for (JsonNode item : n) c.expectKeys(item, "a capture", "id", "is_owner", "address", "cluster_id");
                    JsonNode v2 = c.json(c.get("/api/v2/captures")).get("items");
                    c.check(StatusCases.ids(n).equals(StatusCases.ids(v2)), "v1 lists captures " + StatusCases.ids(n) + ", v2 " + StatusCases.ids(v2));
                }),
                read("the root /status is the v2 status, indented by 4, with cluster_id and liveness", "pingcap/ticdc api/v2/api.go", "status", c -> {
                    Reply r = c.get("/status");
                    c.expectJson(r, 200);
                    c.expectIndented(r, 4);
                    c.expectKeys(c.json(r), "the status", "version", "git_hash", "id", "cluster_id", "pid", "is_owner", "liveness");
                }),
                read("deleting an unknown changefeed answers 200 with null", CHANGEFEED, "errors", c -> {
                    Reply r = c.delete("/api/v2/changefeeds/" + c.feedId());
                    c.expectJson(r, 200);
                    c.expectBody(r, "null");
                }),
                read("a v1 delete of an unknown changefeed answers 202 with null", CHANGEFEED, "v1", c -> {
                    Reply r = c.delete("/api/v1/changefeeds/" + c.feedId());
                    c.expectJson(r, 202);
                    c.expectBody(r, "null");
                }),
                read("a create with an invalid changefeed_id is 400 ErrAPIInvalidParam naming the ID pattern", CHANGEFEED, "errors", c -> {
                    Reply r = c.post("/api/v2/changefeeds", "{\"changefeed_id\":\"not valid!\",\"sink_uri\":\"blackhole://\"}");
                    c.expectError(r, 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid changefeed_id: not valid!, "
                            + "[CDC:ErrInvalidChangefeedID]bad changefeed id, please match the pattern \"^[a-zA-Z0-9]+(\\-[a-zA-Z0-9]+)*$\", "
                            + "the length should no more than 128, eg, \"simple-changefeed-task\"");
                }),
                read("processors are stubs: an empty list, and 200 {\"table_ids\":null} for any changefeed and capture",
                        "pingcap/ticdc api/v2/processor.go", "captures", c -> {
                            Reply list = c.get("/api/v2/processors");
                            c.expectJson(list, 200);
                            c.expectBody(list, "{\"total\":0,\"items\":[]}");
                            String capture = c.json(c.get("/api/v2/captures")).get("items").get(0).get("id").asText();
                            for (String who : new String[] {capture, "bad_id"}) {
                                Reply r = c.get("/api/v2/processors/" + c.feedId() + "/" + who);
                                c.expectJson(r, 200);
                                c.expectBody(r, "{\"table_ids\":null}");
                            }
                        }),
                read("meta_info and the v2 capture drain have no route: gin's 404", "pingcap/ticdc api/v2/api.go", "errors", c -> {
                    c.expectGin404(c.get("/api/v2/changefeeds/" + c.feedId() + "/meta_info"));
                    String capture = c.json(c.get("/api/v2/captures")).get("items").get(0).get("id").asText();
                    c.expectGin404(c.post("/api/v2/captures/" + capture + "/drain", null));
                }));
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        for (Case k : list()) out.add(k.onlyWhere(Case.TICDC));
        for (Case k : NewArchChangeCases.list()) out.add(k.onlyWhere(Case.TICDC));
        return out;
    }
}
