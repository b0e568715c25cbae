package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.CaptureInfo;
import org.junit.jupiter.api.Test;

/**
 * Every curl example of the public "TiCDC OpenAPI v2" page, run in page order as curl sends it
 * (the page's {@code -H "'Content-type':'application/json'"} sends a header literally named
 * {@code 'Content-type'} plus curl's own form content type), expecting what real TiCDC answers
 * (where the page itself is wrong, the expectations follow the source: pingcap/tiflow
 * cdc/api/v2/changefeed.go; cdc/api/v2/capture.go; cdc/api/v2/model.go; pkg/util/uri.go).
 */
class PublicDocCurlExamplesTest extends ApiTestBase {
    private static final String[] CURL = {"User-Agent: curl/7.88.1", "Accept: */*"};
    private static final String[] CURL_JSON = {"User-Agent: curl/7.88.1", "Accept: */*",
        "'Content-type':'application/json'", "Content-Type: application/x-www-form-urlencoded"};
    private static final String[] CURL_FORM = {"User-Agent: curl/7.88.1", "Accept: */*",
        "Content-Type: application/x-www-form-urlencoded"};

    private static final String NOT_EXISTS_TEST1 = "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/test1";

    @Test
    void theDocsExamplesAnswerAsTheRealServerInPageOrder() {
        CaptureInfo capture = fake.cluster().captures().get(0);

        // E1: curl -X GET http://127.0.0.1:8300/api/v2/status
        Http.Response status = send("GET", "/api/v2/status", null, CURL);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).startsWith("{\n    \"version\": \"v8.5.0\",\n    \"git_hash\": \"")
                .contains("\n    \"id\": \"" + capture.id() + "\",\n    \"cluster_id\": \"default\",\n    \"pid\": ")
                .endsWith(",\n    \"is_owner\": true,\n    \"liveness\": 0\n}");

        // E2: curl -X GET http://127.0.0.1:8300/api/v2/health
        assertJsonOk(send("GET", "/api/v2/health", null, CURL), "{}");

        // E3: curl -X POST -H "'Content-type':'application/json'" .../api/v2/changefeeds -d '{"changefeed_id":"test5","sink_uri":"blackhole://"}'
        Http.Response created = send("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"test5\",\"sink_uri\":\"blackhole://\"}", CURL_JSON);
        assertJsonOk(created, Expected.info("test5", "blackhole:", START_TSO).toString());

        // E4: curl -X DELETE http://127.0.0.1:8300/api/v2/changefeeds/test1 (unknown: still 200)
        assertJsonOk(send("DELETE", "/api/v2/changefeeds/test1", null, CURL), "{}");

        // E5: curl -X PUT -H "'Content-type':'application/json'" .../changefeeds/test1 -d '{"target_ts":32}'
        assertError(send("PUT", "/api/v2/changefeeds/test1", "{\"target_ts\":32}", CURL_JSON), 400,
                "CDC:ErrChangeFeedNotExists", NOT_EXISTS_TEST1);

        // E6: curl -X GET http://127.0.0.1:8300/api/v2/changefeeds?state=normal
        assertJsonOk(send("GET", "/api/v2/changefeeds?state=normal", null, CURL),
                "{\"total\":1,\"items\":[{\"upstream_id\":" + UPSTREAM_ID + ",\"namespace\":\"default\",\"id\":\"test5\","
                        + "\"state\":\"normal\",\"checkpoint_tso\":" + START_TSO + ",\"checkpoint_time\":\"" + START_TIME
                        + "\",\"error\":null}]}");

        // E7: curl -X GET http://127.0.0.1:8300/api/v2/changefeeds/test1
        assertError(send("GET", "/api/v2/changefeeds/test1", null, CURL), 400, "CDC:ErrChangeFeedNotExists", NOT_EXISTS_TEST1);

        // E7a (current page only): curl -X GET .../changefeeds/test1/synced; the page's singular URI is a 404
        assertError(send("GET", "/api/v2/changefeeds/test1/synced", null, CURL), 400, "CDC:ErrChangeFeedNotExists", NOT_EXISTS_TEST1);
        Http.Response singular = send("GET", "/api/v2/changefeed/test1/synced", null, CURL);
        assertThat(singular.status()).isEqualTo(404);
        assertThat(singular.body()).isEqualTo("404 page not found");

        // E8: curl -X POST .../changefeeds/test1/pause (no body, no Content-Length)
        assertError(send("POST", "/api/v2/changefeeds/test1/pause", null, CURL), 400, "CDC:ErrChangeFeedNotExists", NOT_EXISTS_TEST1);

        // E9: curl -X POST .../changefeeds/test1/resume -d '{}'
        assertError(send("POST", "/api/v2/changefeeds/test1/resume", "{}", CURL_FORM), 400,
                "CDC:ErrChangeFeedNotExists", NOT_EXISTS_TEST1);

        // E10: curl -X GET http://127.0.0.1:8300/api/v2/processors
        assertJsonOk(send("GET", "/api/v2/processors", null, CURL), "{\"total\":1,\"items\":[{\"namespace\":\"default\","
                + "\"changefeed_id\":\"test5\",\"capture_id\":\"" + capture.id() + "\"}]}");

        // E11: curl -X GET .../processors/test/561c3784-77f0-4863-ad52-65a3436db6af
        assertError(send("GET", "/api/v2/processors/test/561c3784-77f0-4863-ad52-65a3436db6af", null, CURL), 400,
                "CDC:ErrChangeFeedNotExists", "[CDC:ErrChangeFeedNotExists]changefeed not exists, default/test");

        // E12: curl -X GET http://127.0.0.1:8300/api/v2/captures
        assertJsonOk(send("GET", "/api/v2/captures", null, CURL), "{\"total\":1,\"items\":[{\"id\":\"" + capture.id()
                + "\",\"is_owner\":true,\"address\":\"" + capture.address() + "\",\"cluster_id\":\"default\"}]}");

        // E13: curl -X POST http://127.0.0.1:8300/api/v2/owner/resign
        assertJsonOk(send("POST", "/api/v2/owner/resign", null, CURL), "{}");

        // E14: curl -X POST -H "'Content-type':'application/json'" .../api/v2/log -d '{"log_level":"debug"}'
        assertJsonOk(send("POST", "/api/v2/log", "{\"log_level\":\"debug\"}", CURL_JSON), "{}");
    }

    @Test
    void theHappyPathOrderWorksWithTheCreatedChangefeed() {
        send("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"test5\",\"sink_uri\":\"blackhole://\"}", CURL_JSON);
        assertThat(send("GET", "/api/v2/changefeeds/test5", null, CURL).status()).isEqualTo(200);
        assertJsonOk(send("POST", "/api/v2/changefeeds/test5/pause", null, CURL), "{}");
        // the page's update can never succeed: 32 is below any real start_ts
        assertError(send("PUT", "/api/v2/changefeeds/test5", "{\"target_ts\":32}", CURL_JSON), 400,
                "CDC:ErrChangefeedUpdateRefused",
                "[CDC:ErrChangefeedUpdateRefused]can not update target_ts:32 less than start_ts:" + START_TSO);
        assertJsonOk(send("POST", "/api/v2/changefeeds/test5/resume", "{}", CURL_FORM), "{}");
        assertThat(send("GET", "/api/v2/changefeeds?state=normal", null, CURL).body()).startsWith("{\"total\":1,");
        assertJsonOk(send("DELETE", "/api/v2/changefeeds/test5", null, CURL), "{}");
        assertJsonOk(send("GET", "/api/v2/processors", null, CURL), "{\"total\":0,\"items\":[]}");
    }

    @Test
    void theBriefsHeaderFormWithoutOuterQuotesWorksToo() {
        // -H 'Content-type':'application/json' reaches curl as Content-type:application/json
        Http.Response r = send("POST", "/api/v2/changefeeds", "{\"changefeed_id\":\"test5\",\"sink_uri\":\"blackhole://\"}",
                "User-Agent: curl/7.88.1", "Accept: */*", "Content-type:application/json");
        assertThat(r.status()).isEqualTo(200);
    }
}
