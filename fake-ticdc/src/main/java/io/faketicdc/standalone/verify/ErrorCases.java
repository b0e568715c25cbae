package io.faketicdc.standalone.verify;

import static io.faketicdc.standalone.verify.Case.read;

import java.util.List;

/** The error rules: gin's 404 and redirects, 400 versus 500, error codes and messages. Nothing is created. */
final class ErrorCases {
    private ErrorCases() { }

    private static final String NOT_EXISTS = "CDC:ErrChangeFeedNotExists";
    private static final String INVALID = "CDC:ErrAPIInvalidParam";

    static List<Case> list() {
        return List.of(
                read("an unknown path gets gin's plain-text 404 page not found", "pingcap/tiflow cdc/api/v2/api.go", "errors",
                        c -> c.expectGin404(c.get("/api/v2/no-such-route"))),
                read("a method a path has no route for gets gin's 404 too", "pingcap/tiflow cdc/api/v2/api.go", "errors",
                        c -> c.expectGin404(c.send("PATCH", "/api/v2/changefeeds", null))),
                read("a trailing slash is redirected with 301 to the path without it", "pingcap/tiflow cdc/api/v2/api.go", "errors", c -> {
                    Reply r = c.get("/api/v2/changefeeds/");
                    c.expectStatus(r, 301);
                    c.check("/api/v2/changefeeds".equals(r.location()), "expected Location /api/v2/changefeeds, got " + r.location());
                }),
                read("getting an unknown changefeed is 400 ErrChangeFeedNotExists naming namespace/id",
                        "pingcap/tiflow cdc/api/v2/changefeed.go", "errors", c -> {
                            String id = c.feedId();
                            c.expectError(c.get("/api/v2/changefeeds/" + id), 400, NOT_EXISTS, notExists(id));
                        }),
                read("the status of an unknown changefeed is 400 ErrChangeFeedNotExists", "pingcap/tiflow cdc/api/v2/changefeed.go", "errors", c -> {
                    String id = c.feedId();
                    c.expectError(c.get("/api/v2/changefeeds/" + id + "/status"), 400, NOT_EXISTS, notExists(id));
                }),
                read("pausing an unknown changefeed is 400 ErrChangeFeedNotExists", "pingcap/tiflow cdc/api/v2/changefeed.go", "errors", c -> {
                    String id = c.feedId();
                    c.expectError(c.post("/api/v2/changefeeds/" + id + "/pause", null), 400, NOT_EXISTS, notExists(id));
                }),
                read("resuming an unknown changefeed is 400 ErrChangeFeedNotExists", "pingcap/tiflow cdc/api/v2/changefeed.go", "errors", c -> {
                    String id = c.feedId();
                    c.expectError(c.post("/api/v2/changefeeds/" + id + "/resume", "{}"), 400, NOT_EXISTS, notExists(id));
                }),
                read("updating an unknown changefeed is 400 ErrChangeFeedNotExists", "pingcap/tiflow cdc/api/v2/changefeed.go", "errors", c -> {
                    String id = c.feedId();
                    c.expectError(c.put("/api/v2/changefeeds/" + id, "{}"), 400, NOT_EXISTS, notExists(id));
                }),
                read("deleting an unknown changefeed answers 200 with {}", "pingcap/tiflow cdc/api/v2/changefeed.go", "errors", c -> {
                    Reply r = c.delete("/api/v2/changefeeds/" + c.feedId());
                    c.expectJson(r, 200);
                    c.expectBody(r, "{}");
                }).onlyWhere(Case.TIFLOW),
                read("a v1 get of an unknown changefeed is 400 ErrChangeFeedNotExists", "pingcap/tiflow cdc/api/v1/api.go", "v1", c -> {
                    String id = c.feedId();
                    c.expectError(c.get("/api/v1/changefeeds/" + id), 400, NOT_EXISTS, notExists(id));
                }),
                read("a v1 delete of an unknown changefeed is 400 ErrChangeFeedNotExists", "pingcap/tiflow cdc/api/v1/api.go", "v1", c -> {
                    String id = c.feedId();
                    c.expectError(c.delete("/api/v1/changefeeds/" + id), 400, NOT_EXISTS, notExists(id));
                }).onlyWhere(Case.TIFLOW),
                read("a create with an invalid changefeed_id is 400 ErrAPIInvalidParam", "pingcap/tiflow cdc/api/v2/changefeed.go", "errors", c -> {
                    Reply r = c.post("/api/v2/changefeeds", "{\"changefeed_id\":\"not valid!\",\"sink_uri\":\"blackhole://\"}");
                    c.expectError(r, 400, INVALID, "[CDC:ErrAPIInvalidParam]invalid changefeed_id: not valid!");
                }).onlyWhere(Case.TIFLOW),
                read("a body that is not JSON is 400 with Go's syntax error, sent as text/plain", "pingcap/tiflow cdc/api/v2/changefeed.go", "errors", c -> {
                    Reply r = c.post("/api/v2/changefeeds", "nojson");
                    c.expectStatus(r, 400);
                    c.check("text/plain; charset=utf-8".equals(r.contentType()), "expected text/plain; charset=utf-8, got " + r.contentType());
                    c.expectErrorBody(r, INVALID, "[CDC:ErrAPIInvalidParam]invalid api parameter: invalid character 'o' in literal null (expecting 'u')");
                }),
                read("an empty create body is 400 invalid api parameter: EOF", "pingcap/tiflow cdc/api/v2/changefeed.go", "errors", c -> {
                    Reply r = c.post("/api/v2/changefeeds", "");
                    c.expectStatus(r, 400);
                    c.expectErrorBody(r, INVALID, "[CDC:ErrAPIInvalidParam]invalid api parameter: EOF");
                }),
                read("a field of the wrong JSON type is named with its Go struct", "pingcap/tiflow cdc/api/v2/model.go", "errors", c -> {
                    Reply r = c.post("/api/v2/changefeeds", "{\"changefeed_id\":1}");
                    c.expectStatus(r, 400);
                    c.expectErrorBody(r, INVALID, "[CDC:ErrAPIInvalidParam]invalid api parameter: json: cannot unmarshal number"
                            + " into Go struct field ChangefeedConfig.changefeed_id of type string");
                }),
                read("a sink URI with an unknown scheme is 400 ErrSinkURIInvalid", "pingcap/tiflow cdc/api/v2/api_helpers.go", "errors", c -> {
                    Reply r = c.post("/api/v2/changefeeds", "{\"changefeed_id\":\"" + c.feedId() + "\",\"sink_uri\":\"nosuch://\"}");
                    c.expectError(r, 400, "CDC:ErrSinkURIInvalid", "[CDC:ErrSinkURIInvalid]the sink scheme (nosuch) is not supported");
                }),
                read("an unknown log level is 400 ErrAPIInvalidParam", "pingcap/tiflow cdc/api/v2/log.go", "errors", c -> {
                    Reply r = c.post("/api/v2/log", "{\"log_level\":\"nonsense\"}");
                    c.expectError(r, 400, INVALID, "[CDC:ErrAPIInvalidParam]fail to change log level: nonsense");
                }),
                read("the synced route is served where the profile has it, else gin's 404", "pingcap/tiflow cdc/api/v2/api.go", "errors", c -> {
                    String id = c.feedId();
                    Reply r = c.get("/api/v2/changefeeds/" + id + "/synced");
                    if (c.traits().syncedRoute()) c.expectError(r, 400, NOT_EXISTS, notExists(id));
                    else c.expectGin404(r);
                }));
    }

    static String notExists(String id) {
        return "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/" + id;
    }
}
