package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import io.faketicdc.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/changefeeds/{id}/tables/move_table} and {@code .../rebalance_table}
 * (pingcap/tiflow cdc/api/v1/api.go; cdc/model/http_model.go;
 * cdc/scheduler/internal/v3/scheduler/scheduler_move_table.go).
 */
class V1TableRoutesTest extends RouteTestBase {

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.captures(2);
    }

    private String captureId(int slot) {
        return fake.cluster().capture(slot).orElseThrow().id();
    }

    private String tablesOn(int slot) {
        String body = get("/api/v2/processors/cf/" + captureId(slot)).body();
        return body.substring(body.indexOf('['));
    }

    private Http.Response move(String id, String body) {
        return post(V1_CHANGEFEEDS + "/" + id + "/tables/move_table", body);
    }

    @Test
    void tablesStartSpreadOverBothCaptures() {
        createV1("cf");
        assertThat(tablesOn(0)).isEqualTo("[104,108]}");
        assertThat(tablesOn(1)).isEqualTo("[106,110]}");
    }

    @Test
    void moveTableAnswers202AndMovesTheTable() {
        createV1("cf");
        assertAccepted(move("cf", "{\"capture_id\":\"" + captureId(1) + "\",\"table_id\":104}"));
        assertThat(fake.requests().all()).extracting(RecordedRequest::operation).last().isEqualTo("v1 move table");
        assertThat(tablesOn(0)).isEqualTo("[108]}");
        assertThat(tablesOn(1)).isEqualTo("[104,106,110]}");
    }

    @Test
    void rebalanceAnswers202AndEvensOutTheTables() {
        createV1("cf");
        move("cf", "{\"capture_id\":\"" + captureId(1) + "\",\"table_id\":104}");
        move("cf", "{\"capture_id\":\"" + captureId(1) + "\",\"table_id\":108}");
        assertThat(tablesOn(0)).isEqualTo("[]}");
        assertAccepted(post(V1_CHANGEFEEDS + "/cf/tables/rebalance_table", null));
        assertThat(fake.requests().all()).extracting(RecordedRequest::operation).last().isEqualTo("v1 rebalance tables");
        assertThat(tablesOn(0)).isEqualTo("[104,106]}");
        assertThat(tablesOn(1)).isEqualTo("[108,110]}");
    }

    @Test
    void anUnknownCaptureOrTableIsAcceptedAndIgnored() {
        createV1("cf");
        assertAccepted(move("cf", "{\"capture_id\":\"nope\",\"table_id\":104}"));
        assertAccepted(move("cf", "{\"capture_id\":\"" + captureId(1) + "\",\"table_id\":999}"));
        assertThat(tablesOn(0)).isEqualTo("[104,108]}");
        assertThat(tablesOn(1)).isEqualTo("[106,110]}");
    }

    @Test
    void aMissingCaptureIdIsInvalid() {
        createV1("cf");
        assertApiError(move("cf", "{\"table_id\":104}"), 400, "CDC:ErrAPIInvalidParam", "[CDC:ErrAPIInvalidParam]invalid capture_id: ");
    }

    @Test
    void aCaptureIdOutsideTheIdPatternIsInvalid() {
        createV1("cf");
        assertApiError(move("cf", "{\"capture_id\":\"a_b\",\"table_id\":104}"), 400, "CDC:ErrAPIInvalidParam",
                "[CDC:ErrAPIInvalidParam]invalid capture_id: a_b");
    }

    @Test
    void aBadBodyIsTheBindError() {
        createV1("cf");
        assertBindError(move("cf", ""), "EOF");
        assertBindError(move("cf", "{\"table_id\":\"104\"}"),
                "json: cannot unmarshal string into Go struct field MoveTableReq.table_id of type int64");
    }

    @Test
    void theChangefeedIsCheckedBeforeTheBody() {
        assertNotExists(move("nope", "{bad"), "default/nope");
        assertInvalidId(move("a_b", "{bad"), "a_b");
    }

    @Test
    void rebalanceOfAnUnknownChangefeedIsNotExists() {
        assertNotExists(post(V1_CHANGEFEEDS + "/nope/tables/rebalance_table", null), "default/nope");
    }
}
