package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers shared by the per-route acceptance tests. */
abstract class RouteTestBase extends ApiTestBase {
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String CHANGEFEEDS = "/api/v2/changefeeds";
    static final String V1_CHANGEFEEDS = "/api/v1/changefeeds";

    /** Creates {@code blackhole://} changefeed {@code id}; returns its start_ts. */
    protected long createBlackhole(String id) {
        return createWith("{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}");
    }

    /** Creates a changefeed from a body; returns its start_ts. */
    protected long createWith(String body) {
        String json = create(body).body();
        int i = json.indexOf("\"start_ts\":") + "\"start_ts\":".length();
        int j = i;
        while (Character.isDigit(json.charAt(j))) j++;
        return Long.parseUnsignedLong(json.substring(i, j));
    }

    /** Creates {@code blackhole://} changefeed {@code id} over /api/v1 and checks the 202. */
    protected void createV1(String id) {
        assertAccepted(post(V1_CHANGEFEEDS, "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"blackhole://\"}"));
    }

    /** v1's answer to a change: 202, no body, no Content-Type, Content-Length 0. */
    protected static void assertAccepted(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Type")).isNull();
        assertThat(r.header("Content-Length")).isEqualTo("0");
    }

    protected void pause(String id) {
        assertJsonOk(post(CHANGEFEEDS + "/" + id + "/pause", null), "{}");
    }

    /** An error rendered by the error middleware: JSON content type. */
    protected static void assertApiError(Http.Response r, int status, String code, String msg) {
        assertError(r, status, code, msg);
        assertThat(r.header("Content-Type")).isEqualTo(JSON);
    }

    /** A BindJSON failure: 400, ErrAPIInvalidParam, sniffed text/plain. */
    protected static void assertBindError(Http.Response r, String goError) {
        assertError(r, 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid api parameter: " + goError);
        assertThat(r.header("Content-Type")).isEqualTo(TEXT);
    }

    /** gin's panic recovery: 500, empty body, no Content-Type. */
    protected static void assertPanic(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(500);
        assertThat(r.body()).isEmpty();
        assertThat(r.header("Content-Length")).isEqualTo("0");
        assertThat(r.header("Content-Type")).isNull();
    }

    /** gin's 404 for an unknown route or a wrong method. */
    protected static void assertNoRoute(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.header("Content-Type")).isEqualTo("text/plain");
        assertThat(r.body()).isEqualTo("404 page not found");
    }

    protected static void assertInvalidId(Http.Response r, String id) {
        assertApiError(r, 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid changefeed_id: " + id);
    }

    protected static void assertNotExists(Http.Response r, String nsAndId) {
        assertApiError(r, 400, "CDC:ErrChangeFeedNotExists", "[CDC:ErrChangeFeedNotExists]changefeed not exists, " + nsAndId);
    }
}
