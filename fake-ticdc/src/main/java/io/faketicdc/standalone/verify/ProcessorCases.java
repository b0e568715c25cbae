package io.faketicdc.standalone.verify;

import static io.faketicdc.standalone.verify.Case.changes;
import static io.faketicdc.standalone.verify.Case.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A changefeed's processors on the captures: who holds its tables, and the errors of the processor route. */
final class ProcessorCases {
    private ProcessorCases() { }

    private static final String PROCESSOR = "pingcap/tiflow cdc/api/v2/processor.go";
    private static final String UNKNOWN_CAPTURE = "561c3784-77f0-4863-ad52-65a3436db6af";

    static List<Case> list() {
        return List.of(
                read("a processor asked with an invalid capture_id is 400 ErrAPIInvalidParam", PROCESSOR, "captures", c -> {
                    Reply r = c.get("/api/v2/processors/" + c.feedId() + "/bad_id");
                    c.expectError(r, 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid capture_id: bad_id");
                }).onlyWhere(Case.TIFLOW),
                changes("the processor of a running changefeed on each capture lists its table IDs, compact", PROCESSOR, "captures", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    for (JsonNode capture : c.json(c.get("/api/v2/captures")).get("items")) {
                        Reply r = c.get("/api/v2/processors/" + id + "/" + capture.get("id").asText());
                        c.expectJson(r, 200);
                        c.expectCompact(r);
                        JsonNode n = c.json(r);
                        c.expectKeys(n, "the processor", "table_ids");
                        c.check(n.get("table_ids").isArray(), "expected table_ids as an array, got " + n.get("table_ids"));
                    }
                }).onlyWhere(Case.TIFLOW),
                changes("the processor on an unknown capture is 400 ErrCaptureNotExist", PROCESSOR, "captures", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    c.expectError(c.get("/api/v2/processors/" + id + "/" + UNKNOWN_CAPTURE), 400, "CDC:ErrCaptureNotExist",
                            "[CDC:ErrCaptureNotExist]capture not exists, " + UNKNOWN_CAPTURE);
                }).onlyWhere(Case.TIFLOW),
                changes("a stopped changefeed has no processors: 400 with the real message, typo included", PROCESSOR, "captures", c -> {
                    String id = c.feedId();
                    c.createFeed(id);
                    c.expectJson(c.post("/api/v2/changefeeds/" + id + "/pause", null), 200);
                    c.settleState(id, "stopped");
                    String capture = c.json(c.get("/api/v2/captures")).get("items").get(0).get("id").asText();
                    c.expectError(c.get("/api/v2/processors/" + id + "/" + capture), 400, "CDC:ErrAPIInvalidParam",
                            "[CDC:ErrAPIInvalidParam]invalid api parameter: changefeed in abnormal state: stopped, "
                                    + "can'duration get processor of an abnormal changefeed");
                }).onlyWhere(Case.TIFLOW));
    }
}
