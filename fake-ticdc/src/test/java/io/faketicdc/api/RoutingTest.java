package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** gin's routing as TiCDC configures it (gin-gonic/gin v1.9.1 gin.go; pingcap/tiflow cdc/server/server.go). */
class RoutingTest extends ApiTestBase {

    private static void assertNotFound(Http.Response r) {
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).isEqualTo("text/plain");
        assertThat(r.body()).isEqualTo("404 page not found");
    }

    @Test
    void anUnknownPathIsAPlainText404() {
        assertNotFound(get("/api/v2/nothing"));
        assertNotFound(get("/"));
        assertNotFound(get("/api/v3/changefeeds"));
    }

    @Test
    void aWrongMethodOnAnExistingPathIsA404NotA405() {
        assertNotFound(get("/api/v2/changefeeds/x/pause"));
        assertNotFound(send("PATCH", "/api/v2/changefeeds/x", "{}"));
        assertNotFound(send("OPTIONS", "/api/v2/changefeeds", null));
    }

    @Test
    void aRequestCarryingWebSocketHeadersIsAnsweredLikeAnyOther() {
        // gin knows nothing of WebSockets: the route answers as it always does (Javalin's WebSocket
        // servlet would have answered its own 404 "WebSocket handler not found")
        Http.Response r = Http.send(fake.port(), "GET", "/api/v2/health", null,
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{}");
    }

    @Test
    void headIsA404WithoutABody() {
        Http.Response r = send("HEAD", "/api/v2/changefeeds", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aGetWithATrailingSlashIsRedirected301() {
        Http.Response r = get("/api/v2/changefeeds/?state=all");
        assertThat(r.status()).isEqualTo(301);
        assertThat(r.header("Location")).isEqualTo("/api/v2/changefeeds?state=all");
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.body()).isEqualTo("<a href=\"/api/v2/changefeeds?state=all\">Moved Permanently</a>.\n\n");
    }

    @Test
    void otherMethodsAreRedirected307WithoutABody() {
        Http.Response r = post("/api/v2/changefeeds/x/pause/", null);
        assertThat(r.status()).isEqualTo(307);
        assertThat(r.header("Location")).isEqualTo("/api/v2/changefeeds/x/pause");
        assertThat(r.body()).isEmpty();
        Http.Response toSlash = post("/api/v2/changefeeds", "{}");
        assertThat(toSlash.status()).isNotEqualTo(307);
    }

    @Test
    void pathParametersArePercentDecodedBeforeValidation() {
        assertError(get("/api/v2/changefeeds/test%5F1"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid changefeed_id: test_1");
        create("{\"changefeed_id\":\"ab\",\"sink_uri\":\"blackhole://\"}");
        assertThat(get("/api/v2/changefeeds/%61b").status()).isEqualTo(200);
    }

    @Test
    void anEncodedSlashSplitsThePathAsGoDecodesItFirst() {
        assertNotFound(get("/api/v2/changefeeds/a%2Fb"));
    }

    @Test
    void responsesCarryADateAndNoServerHeader() {
        Http.Response r = get("/api/v2/changefeeds");
        assertThat(r.header("Date")).isNotBlank();
        assertThat(r.header("Server")).isNull();
        assertThat(r.header("Content-Length")).isEqualTo("22");
    }
}
