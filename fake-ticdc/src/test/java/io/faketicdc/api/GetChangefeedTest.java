package io.faketicdc.api;

import static io.faketicdc.api.Expected.DEFAULT_CONFIG;
import static io.faketicdc.api.Expected.KAFKA_READ_CONFIG;
import static io.faketicdc.api.Expected.MYSQL_READ_CONFIG;
import static io.faketicdc.api.Expected.info;

import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v2/changefeeds/{id}} (pingcap/tiflow cdc/api/v2/changefeed.go; cdc/model/changefeed.go)
 * on master.
 */
class GetChangefeedTest extends RouteTestBase {

    @Test
    void getOfAMysqlChangefeedTrimsTheConfigAndMasksThePassword() {
        long ts = createWith("{\"changefeed_id\":\"my\",\"sink_uri\":\"mysql://root:123456@127.0.0.1:3306/\"}");
        assertJsonOk(get(CHANGEFEEDS + "/my"), info("my", "mysql://root:xxxxx@127.0.0.1:3306/", ts)
                .config(MYSQL_READ_CONFIG).taskStatus().toString());
    }

    @Test
    void getOfAKafkaChangefeedTrimsTheMysqlAndStorageSections() {
        long ts = createWith("{\"changefeed_id\":\"k\",\"sink_uri\":\"kafka://host:9092/topic?protocol=canal-json\"}");
        assertJsonOk(get(CHANGEFEEDS + "/k"), info("k", "kafka://host:9092/topic?protocol=canal-json", ts)
                .config(KAFKA_READ_CONFIG).taskStatus().toString());
    }

    @Test
    void getOfABlackholeChangefeedIsNotTrimmedOnMaster() {
        long ts = createBlackhole("test1");
        assertJsonOk(get(CHANGEFEEDS + "/test1"), info("test1", "blackhole:", ts).config(DEFAULT_CONFIG).taskStatus().toString());
    }

    @Test
    void getOfAStoppedChangefeedHasResolvedTsZeroAndNoTaskStatus() {
        long ts = createWith("{\"changefeed_id\":\"my\",\"sink_uri\":\"mysql://127.0.0.1:3306/\"}");
        pause("my");
        assertJsonOk(get(CHANGEFEEDS + "/my"), info("my", "mysql://127.0.0.1:3306/", ts)
                .config(MYSQL_READ_CONFIG).stopped().toString());
    }

    @Test
    void getHonoursTheNamespaceQuery() {
        long ts = createWith("{\"namespace\":\"ns1\",\"changefeed_id\":\"test1\",\"sink_uri\":\"blackhole://\"}");
        assertJsonOk(get(CHANGEFEEDS + "/test1?namespace=ns1"), info("test1", "blackhole:", ts).namespace("ns1")
                .taskStatus().toString());
        assertNotExists(get(CHANGEFEEDS + "/test1"), "default/test1");
    }

    @Test
    void getOfAnUnknownChangefeedIsA400NotExistsNamingTheNamespace() {
        assertNotExists(get(CHANGEFEEDS + "/nope"), "default/nope");
        assertNotExists(get(CHANGEFEEDS + "/nope?namespace=odd_ns"), "odd_ns/nope");
    }

    @Test
    void getWithAnInvalidIdIsA400() {
        assertInvalidId(get(CHANGEFEEDS + "/test_1"), "test_1");
    }

    @Test
    void getWithAnInvalidIdIsCheckedBeforeExistence() {
        assertInvalidId(get(CHANGEFEEDS + "/" + "a".repeat(129)), "a".repeat(129));
    }

    @Test
    void aRepeatedGetShowsTheSameConfigAndAnUpdateShowsTheNewOneWithUnicodeIntact() {
        create("{\"changefeed_id\":\"u\",\"sink_uri\":\"blackhole://\",\"replica_config\":{\"filter\":{\"rules\":[\"库.表\"]}}}");
        String first = get("/api/v2/changefeeds/u").body();
        org.assertj.core.api.Assertions.assertThat(first).contains("\"rules\":[\"库.表\"]");
        org.assertj.core.api.Assertions.assertThat(get("/api/v2/changefeeds/u").body()).isEqualTo(first);
        post("/api/v2/changefeeds/u/pause", null);
        put("/api/v2/changefeeds/u", "{\"replica_config\":{\"filter\":{\"rules\":[\"db.*\"]}}}");
        org.assertj.core.api.Assertions.assertThat(get("/api/v2/changefeeds/u").body()).contains("\"rules\":[\"db.*\"]");
    }
}
