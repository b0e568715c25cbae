package io.faketicdc.api;

import static io.faketicdc.api.Expected.CAPTURE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/changefeeds[?state=]} and {@code GET /api/v1/changefeeds/{id}}
 * (pingcap/tiflow cdc/api/v1/api.go; cdc/model/http_model.go; cdc/model/changefeed.go).
 */
class V1ReadChangefeedsTest extends RouteTestBase {

    private static String item(String namespace, String id, String state, long checkpoint, String error) {
        return "    {\n"
                + "        \"upstream_id\": " + UPSTREAM_ID + ",\n"
                + "        \"namespace\": \"" + namespace + "\",\n"
                + "        \"id\": \"" + id + "\",\n"
                + "        \"state\": \"" + state + "\",\n"
                + "        \"checkpoint_tso\": " + checkpoint + ",\n"
                + "        \"checkpoint_time\": \"" + START_TIME + "\",\n"
                + "        \"error\": " + error + "\n"
                + "    }";
    }

    // ---- list ----

    @Test
    void withNoChangefeedsTheListIsAnEmptyArray() {
        assertJsonOk(get(V1_CHANGEFEEDS), "[]");
    }

    @Test
    void theListIsAnIndentedBareArrayOfEveryNamespaceSortedByNamespaceThenId() {
        createV1("zz");
        createV1("aa");
        create("{\"namespace\":\"ns\",\"changefeed_id\":\"bb\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(get(V1_CHANGEFEEDS), "[\n"
                + item("default", "aa", "normal", START_TSO + 1, "null") + ",\n"
                + item("default", "zz", "normal", START_TSO, "null") + ",\n"
                + item("ns", "bb", "normal", START_TSO + 2, "null") + "\n]");
        assertThat(fake.requests().all()).extracting(RecordedRequest::operation).last().isEqualTo("v1 list changefeeds");
    }

    @Test
    void aFailedChangefeedShowsItsErrorWithItsTime() {
        createV1("cf");
        fake.changefeed("cf").fail("CDC:ErrSinkURIInvalid", "boom");
        String error = "{\n            \"time\": \"" + CREATE_TIME + "\",\n            \"addr\": \"127.0.0.1:8300\",\n"
                + "            \"code\": \"CDC:ErrSinkURIInvalid\",\n            \"message\": \"boom\"\n        }";
        Http.Response r = get(V1_CHANGEFEEDS);
        assertThat(r.body()).startsWith("[\n    {\n").contains("\"state\": \"failed\"");
        assertThat(r.body().replaceAll("\"addr\": \"[^\"]*\"", "\"addr\": \"127.0.0.1:8300\""))
                .isEqualTo("[\n" + item("default", "cf", "failed", START_TSO, error) + "\n]");
    }

    @Test
    void aPendingChangefeedKeepsItsRawStateWhereV2ShowsWarning() {
        createV1("cf");
        fake.changefeed("cf").error("CDC:ErrKafkaNewProducer", "no brokers");
        assertThat(get(V1_CHANGEFEEDS).body()).contains("\"state\": \"pending\"");
        assertThat(get(CHANGEFEEDS).body()).contains("\"state\":\"warning\"");
    }

    @Test
    void theStateFilterShowsOneRawStateAllOrByDefaultAllButFinishedAndRemoved() {
        createV1("a");
        createV1("b");
        createV1("c");
        fake.changefeed("b").pause();
        fake.changefeed("c").finish();
        assertThat(get(V1_CHANGEFEEDS).body()).contains("\"id\": \"a\"").contains("\"id\": \"b\"").doesNotContain("\"id\": \"c\"");
        assertThat(get(V1_CHANGEFEEDS + "?state=stopped").body()).contains("\"id\": \"b\"")
                .doesNotContain("\"id\": \"a\"").doesNotContain("\"id\": \"c\"");
        assertThat(get(V1_CHANGEFEEDS + "?state=all").body()).contains("\"id\": \"a\"").contains("\"id\": \"b\"")
                .contains("\"id\": \"c\"");
        assertJsonOk(get(V1_CHANGEFEEDS + "?state=nope"), "[]");
    }

    // ---- detail ----

    private static String detail(String id, long startTs, String sortEngine, String state, long resolvedTs, String tail) {
        return "{\n"
                + "    \"upstream_id\": " + UPSTREAM_ID + ",\n"
                + "    \"namespace\": \"default\",\n"
                + "    \"id\": \"" + id + "\",\n"
                + "    \"sink_uri\": \"mysql://root:xxxxx@127.0.0.1:3306/\",\n"
                + "    \"create_time\": \"" + START_TIME + "\",\n"
                + "    \"start_ts\": " + startTs + ",\n"
                + "    \"resolved_ts\": " + resolvedTs + ",\n"
                + "    \"target_ts\": 0,\n"
                + "    \"checkpoint_tso\": " + startTs + ",\n"
                + "    \"checkpoint_time\": \"" + START_TIME + "\",\n"
                + sortEngine
                + "    \"state\": \"" + state + "\",\n"
                + "    \"error\": null,\n"
                + "    \"error_history\": null,\n"
                + "    \"creator_version\": \"v8.5.0\"" + tail + "\n"
                + "}";
    }

    private static final String TASK_STATUS = ",\n    \"task_status\": [\n        {\n"
            + "            \"capture_id\": \"" + CAPTURE_ID + "\",\n"
            + "            \"table_ids\": [\n                104,\n                106,\n                108,\n                110\n"
            + "            ]\n        }\n    ]";

    @Test
    void theDetailIsIndentedWithTheMaskedUriTheCheckpointsTimeFormatAndTaskStatus() {
        assertAccepted(post(V1_CHANGEFEEDS, "{\"changefeed_id\":\"my\",\"sink_uri\":\"mysql://root:123456@127.0.0.1:3306/\"}"));
        assertJsonOk(get(V1_CHANGEFEEDS + "/my"),
                detail("my", START_TSO, "    \"sort_engine\": \"unified\",\n", "normal", START_TSO, TASK_STATUS));
    }

    @Test
    void aChangefeedCreatedOverV2HasNoSortEngine() {
        create("{\"changefeed_id\":\"my\",\"sink_uri\":\"mysql://root:123456@127.0.0.1:3306/\"}");
        assertJsonOk(get(V1_CHANGEFEEDS + "/my"), detail("my", START_TSO, "", "normal", START_TSO, TASK_STATUS));
    }

    @Test
    void aStoppedChangefeedHasNoTaskStatusAndResolvedTsZero() {
        assertAccepted(post(V1_CHANGEFEEDS, "{\"changefeed_id\":\"my\",\"sink_uri\":\"mysql://root:123456@127.0.0.1:3306/\"}"));
        fake.changefeed("my").pause();
        assertJsonOk(get(V1_CHANGEFEEDS + "/my"), detail("my", START_TSO, "    \"sort_engine\": \"unified\",\n", "stopped", 0, ""));
    }

    @Test
    void theErrorOfAFailedChangefeedIsNeverShown() {
        createV1("cf");
        fake.changefeed("cf").fail("CDC:ErrSinkURIInvalid", "boom");
        assertThat(get(V1_CHANGEFEEDS + "/cf").body()).contains("    \"state\": \"failed\",\n    \"error\": null,\n");
    }

    @Test
    void theDetailIsJournaledAsTheV1Operation() {
        createV1("cf");
        get(V1_CHANGEFEEDS + "/cf");
        assertThat(fake.requests().all()).extracting(RecordedRequest::operation).last().isEqualTo("v1 get changefeed");
    }

    @Test
    void anUnknownChangefeedIsNotExists() {
        assertNotExists(get(V1_CHANGEFEEDS + "/nope"), "default/nope");
    }

    @Test
    void aChangefeedOfAnotherNamespaceIsNotFoundEvenWithTheNamespaceQuery() {
        create("{\"namespace\":\"ns\",\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        assertNotExists(get(V1_CHANGEFEEDS + "/cf?namespace=ns"), "default/cf");
    }

    @Test
    void anInvalidIdIsRefused() {
        assertInvalidId(get(V1_CHANGEFEEDS + "/a_b"), "a_b");
    }
}
