package io.faketicdc.api;

import static io.faketicdc.RecordedRequest.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.RecordedRequest;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@code fake.requests()}: what each port's client sent and got back, in order. */
class RequestJournalTest extends ApiTestBase {
    private static final String CF = "{\"changefeed_id\":\"cf1\",\"sink_uri\":\"blackhole://\"}";

    @Test
    void aChunkedRequestBodyIsReadAndRecordedWhole() {
        String chunked = Integer.toHexString(10) + "\r\n" + CF.substring(0, 10) + "\r\n"
                + Integer.toHexString(CF.length() - 10) + "\r\n" + CF.substring(10) + "\r\n0\r\n\r\n";
        assertThat(send("POST", "/api/v2/changefeeds", chunked, "Transfer-Encoding: chunked").status()).isEqualTo(200);
        assertThat(fake.requests().last().bodyText()).isEqualTo(CF);
    }

    @Test
    void aRequestWithoutBodyIsRecordedWithAnEmptyOne() {
        assertThat(send("POST", "/api/v2/changefeeds", null).body()).contains("EOF");
        assertThat(fake.requests().last().body()).isEmpty();
    }

    @Test
    void repeatedAnswersAndHeadersAreKeptOnceInTheJournal() {
        create(CF);
        get("/api/v2/changefeeds/cf1");
        get("/api/v2/changefeeds/cf1");
        var records = fake.requests().all();
        RecordedRequest first = records.get(1);
        RecordedRequest second = records.get(2);
        assertThat(second.responseBody()).isEqualTo(first.responseBody()).isSameAs(first.responseBody());
        assertThat(second.headers()).isEqualTo(first.headers());
        assertThat(records.get(0).responseBody()).isNotSameAs(first.responseBody());
    }

    @Test
    void everyRequestIsRecordedWithWhatTheClientSentAndGotBack() {
        Http.Response created = send("POST", "/api/v2/changefeeds?namespace=default", CF, "X-Test: a", "x-test: b");
        RecordedRequest r = fake.requests().last();
        assertThat(fake.requests().count()).isEqualTo(1);
        assertThat(r.sequence()).isEqualTo(1);
        assertThat(r.time()).isEqualTo(START);
        assertThat(r.slot()).isZero();
        assertThat(r.port()).isEqualTo(fake.port());
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/v2/changefeeds");
        assertThat(r.rawQuery()).isEqualTo("namespace=default");
        assertThat(r.header("HOST")).isEqualTo("127.0.0.1:" + fake.port());
        assertThat(r.headers("X-TEST")).containsExactly("a", "b");
        assertThat(r.header("absent")).isNull();
        assertThat(r.bodyText()).isEqualTo(CF);
        assertThat(r.operation()).isEqualTo("create changefeed");
        assertThat(r.forwardedTo()).isNull();
        assertThat(r.forwardedFrom()).isNull();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(r.responseBodyText()).isEqualTo(created.body());
        assertThat(r.responseBody()).isEqualTo(created.bodyBytes());
        assertThat(r.durationNanos()).isPositive();
        assertThat(r).hasToString("#1 POST /api/v2/changefeeds?namespace=default -> 200 (create changefeed)");
    }

    @Test
    void requestsAreKeptInOrderWithIncreasingSequenceNumbers() {
        create(CF);
        post("/api/v2/changefeeds/cf1/pause", null);
        get("/api/v2/changefeeds/cf1");
        assertThat(fake.requests().all()).extracting(RecordedRequest::sequence).containsExactly(1L, 2L, 3L);
        assertThat(fake.requests().all()).extracting(RecordedRequest::operation)
                .containsExactly("create changefeed", "pause changefeed", "get changefeed");
        assertThat(fake.requests().describe()).isEqualTo("""
                #1 POST /api/v2/changefeeds -> 200 (create changefeed)
                #2 POST /api/v2/changefeeds/cf1/pause -> 200 (pause changefeed)
                #3 GET /api/v2/changefeeds/cf1 -> 200 (get changefeed)""");
    }

    @Test
    void aNotFoundAndARedirectAreRecordedWithoutAnOperation() {
        get("/api/v2/nope");
        get("/api/v2/changefeeds/");
        var all = fake.requests().all();
        assertThat(all).extracting(RecordedRequest::status).containsExactly(404, 301);
        assertThat(all).extracting(RecordedRequest::operation).containsOnlyNulls();
        assertThat(all.get(0).responseBodyText()).isEqualTo("404 page not found");
        assertThat(all.get(1).responseHeader("location")).isEqualTo("/api/v2/changefeeds");
        assertThat(fake.requests().describe()).isEqualTo("""
                #1 GET /api/v2/nope -> 404
                #2 GET /api/v2/changefeeds/ -> 301""");
    }

    @Test
    void requestsAreCountedByGinPatternOrExactPath() {
        create(CF);
        create(CF.replace("cf1", "cf2"));
        post("/api/v2/changefeeds/cf1/pause", null);
        post("/api/v2/changefeeds/cf2/pause", null);
        post("/api/v2/changefeeds/cf2/resume", "{}");
        assertThat(fake.requests().count("POST", "/api/v2/changefeeds/:changefeed_id/pause")).isEqualTo(2);
        assertThat(fake.requests().count("post", "/api/v2/changefeeds/cf2/pause")).isEqualTo(1);
        assertThat(fake.requests().count("GET", "/api/v2/changefeeds/:changefeed_id/pause")).isZero();
        assertThat(fake.requests().count("POST", "/api/v2/changefeeds")).isEqualTo(2);
        assertThat(fake.requests().count("*", "/api/v2/changefeeds/*rest")).isEqualTo(3);
        assertThat(fake.requests().matching(matches("POST", "/api/v2/changefeeds/:id/:action")))
                .extracting(RecordedRequest::path).containsExactly(
                        "/api/v2/changefeeds/cf1/pause", "/api/v2/changefeeds/cf2/pause", "/api/v2/changefeeds/cf2/resume");
        assertThat(matches("POST", "/api/v2/changefeeds/:id")).hasToString("POST /api/v2/changefeeds/:id");
    }

    @Test
    void clearForgetsTheRecordsButSequenceNumbersKeepCounting() {
        get("/api/v2/status");
        get("/api/v2/status");
        fake.requests().clear();
        assertThat(fake.requests().count()).isZero();
        assertThat(fake.requests().all()).isEmpty();
        assertThat(fake.requests().describe()).isEqualTo("(no requests)");
        assertThatThrownBy(() -> fake.requests().last()).isInstanceOf(NoSuchElementException.class);
        get("/api/v2/status");
        assertThat(fake.requests().last().sequence()).isEqualTo(3);
    }

    @Test
    void aRecordSerialisesToJsonWithItsBodiesAsText() throws Exception {
        create(CF);
        RecordedRequest r = fake.requests().last();
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().findAndRegisterModules().writeValueAsString(r));
        assertThat(json.get("sequence").asLong()).isEqualTo(1);
        assertThat(json.get("time").asText()).isEqualTo("2026-08-20T08:17:08.123Z");
        assertThat(json.get("bodyText").asText()).isEqualTo(CF);
        assertThat(json.get("responseBodyText").asText()).isEqualTo(r.responseBodyText());
        assertThat(json.get("operation").asText()).isEqualTo("create changefeed");
        assertThat(json.get("headers").get("Host").get(0).asText()).isEqualTo("127.0.0.1:" + fake.port());
        assertThat(json.has("body")).isFalse();
        assertThat(json.has("responseBody")).isFalse();
    }

    @Test
    void recordsAreEqualWhateverTheyTookToAnswer() {
        get("/api/v2/status");
        RecordedRequest r = fake.requests().last();
        RecordedRequest slower = new RecordedRequest(r.sequence(), r.time(), r.slot(), r.port(), r.method(), r.path(),
                r.rawQuery(), r.headers(), r.body().clone(), r.operation(), r.forwardedTo(), r.forwardedFrom(),
                r.status(), r.contentType(), r.responseHeaders(), r.responseBody().clone(), r.durationNanos() + 1);
        assertThat(slower).isEqualTo(r).hasSameHashCodeAs(r);
    }
}
