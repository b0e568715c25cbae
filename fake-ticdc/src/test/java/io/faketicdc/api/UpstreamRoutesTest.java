package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.internal.clock.Tso;
import org.junit.jupiter.api.Test;

/**
 * tso, verify_table and unsafe/* (pingcap/tiflow cdc/api/v2/tso.go; cdc/api/v2/changefeed.go;
 * cdc/api/v2/unsafe.go).
 */
class UpstreamRoutesTest extends ApiTestBase {

    @Test
    void tsoAnswersTheIndentedPhysicalAndLogicalParts() {
        Http.Response r = post("/api/v2/tso", "{}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\n    \"timestamp\": " + Tso.physical(START_TSO) + ",\n    \"logic_time\": 0\n}");
        assertThat(post("/api/v2/tso", "{}").body()).endsWith("\"logic_time\": 1\n}");
    }

    @Test
    void tsoNeedsABody() {
        assertError(post("/api/v2/tso", ""), 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid api parameter: EOF");
    }

    @Test
    void tsoOfAnUnknownUpstreamIs500() {
        assertError(post("/api/v2/tso", "{\"id\":5}"), 500, "CDC:ErrUpstreamNotFound",
                "[CDC:ErrUpstreamNotFound]upstream not found, cluster-id: 5");
        assertThat(post("/api/v2/tso", "{\"id\":" + UPSTREAM_ID + "}").status()).isEqualTo(200);
    }

    @Test
    void verifyTableListsTheTablesTheFilterSelects() {
        assertJsonOk(post("/api/v2/verify_table", "{}"), "{\"eligible_tables\":["
                + "{\"database_name\":\"test\",\"table_name\":\"t1\",\"table_id\":104,\"is_partition\":false},"
                + "{\"database_name\":\"test\",\"table_name\":\"t2\",\"table_id\":106,\"is_partition\":false},"
                + "{\"database_name\":\"test\",\"table_name\":\"t3\",\"table_id\":108,\"is_partition\":false},"
                + "{\"database_name\":\"test\",\"table_name\":\"t4\",\"table_id\":110,\"is_partition\":false}]}");
        assertJsonOk(post("/api/v2/verify_table", "{\"replica_config\":{\"filter\":{\"rules\":[\"test.*\",\"!test.t[2-4]\"]}}}"),
                "{\"eligible_tables\":[{\"database_name\":\"test\",\"table_name\":\"t1\",\"table_id\":104,\"is_partition\":false}]}");
        assertJsonOk(post("/api/v2/verify_table", "{\"replica_config\":{\"filter\":{\"rules\":[\"other.*\"]}}}"), "{}");
    }

    @Test
    void verifyTableRejectsABadFilterAndABadSinkUri() {
        assertThat(post("/api/v2/verify_table", "{\"replica_config\":{\"filter\":{\"rules\":[\"a.b.c\"]}}}").body())
                .contains("CDC:ErrFilterRuleInvalid");
        assertThat(post("/api/v2/verify_table", "{\"sink_uri\":\"127.0.0.1:3306\"}").status()).isEqualTo(400);
    }

    @Test
    void resolveLockNeedsNonZeroRegionAndTs() {
        assertError(post("/api/v2/unsafe/resolve_lock", "{}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid resolve_lock request: region_id and ts must be non-zero");
        assertJsonOk(post("/api/v2/unsafe/resolve_lock", "{\"region_id\":7,\"ts\":" + START_TSO + "}"), "{}");
    }

    @Test
    void deletingTheServiceGcSafepointNeedsABody() {
        assertJsonOk(send("DELETE", "/api/v2/unsafe/service_gc_safepoint", "{}"), "{}");
        assertError(send("DELETE", "/api/v2/unsafe/service_gc_safepoint", ""), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid api parameter: EOF");
    }

    @Test
    void metadataIsAnIndentedSortedKeyValueArray() {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        Http.Response r = get("/api/v2/unsafe/metadata");
        assertThat(r.status()).isEqualTo(200);
        String captureId = fake.cluster().captures().get(0).id();
        assertThat(r.body()).startsWith("[\n    {\n        \"key\": \"/tidb/cdc/default/__cdc_meta__/capture/" + captureId)
                .contains("\"key\": \"/tidb/cdc/default/default/changefeed/info/cf\"")
                .contains("\"key\": \"/tidb/cdc/default/default/changefeed/status/cf\"")
                .contains("\"key\": \"/tidb/cdc/default/__cdc_meta__/meta/meta-version\",\n        \"value\": \"1\"");
    }
}
