package io.faketicdc.api;

import static io.faketicdc.api.Expected.KAFKA_READ_CONFIG;
import static io.faketicdc.api.Expected.MYSQL_READ_CONFIG;
import static io.faketicdc.api.Expected.info;

import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v2/changefeeds/{id}/meta_info} (pingcap/tiflow cdc/api/v2/changefeed.go): GET detail
 * with the sink URI unmasked.
 */
class ChangefeedMetaInfoTest extends RouteTestBase {

    @Test
    void metaInfoReturnsThePasswordUnmasked() {
        long ts = createWith("{\"changefeed_id\":\"my\",\"sink_uri\":\"mysql://root:123456@127.0.0.1:3306/\"}");
        assertJsonOk(get(CHANGEFEEDS + "/my/meta_info"), info("my", "mysql://root:123456@127.0.0.1:3306/", ts)
                .config(MYSQL_READ_CONFIG).taskStatus().toString());
    }

    @Test
    void metaInfoReturnsTheUriAsSentWithItsQueryOrderAndSaslPassword() {
        String uri = "kafka://host:9092/topic?protocol=canal-json&sasl-password=abc&partition-num=3";
        long ts = createWith("{\"changefeed_id\":\"k\",\"sink_uri\":\"" + uri + "\"}");
        assertJsonOk(get(CHANGEFEEDS + "/k/meta_info"), info("k", uri, ts).config(KAFKA_READ_CONFIG).taskStatus().toString());
    }

    @Test
    void metaInfoKeepsTheDoubleSlashOfBlackhole() {
        long ts = createBlackhole("test1");
        assertJsonOk(get(CHANGEFEEDS + "/test1/meta_info"), info("test1", "blackhole://", ts).taskStatus().toString());
    }

    @Test
    void metaInfoOfAStoppedChangefeedHasNoTaskStatus() {
        long ts = createWith("{\"changefeed_id\":\"my\",\"sink_uri\":\"mysql://root:123456@127.0.0.1:3306/\"}");
        pause("my");
        assertJsonOk(get(CHANGEFEEDS + "/my/meta_info"), info("my", "mysql://root:123456@127.0.0.1:3306/", ts)
                .config(MYSQL_READ_CONFIG).stopped().toString());
    }

    @Test
    void metaInfoOfAnUnknownChangefeedIsA400NotExists() {
        assertNotExists(get(CHANGEFEEDS + "/nope/meta_info?namespace=ns1"), "ns1/nope");
    }

    @Test
    void metaInfoWithAnInvalidIdIsA400() {
        assertInvalidId(get(CHANGEFEEDS + "/a.b/meta_info"), "a.b");
    }
}
