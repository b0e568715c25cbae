package io.faketicdc.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.FakeConfig;
import io.faketicdc.api.ApiTestBase;
import io.faketicdc.api.Http;
import io.faketicdc.faults.Effect;
import io.faketicdc.faults.FaultRule;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page at /fake/ui, served live, and the same page with a snapshot embedded. */
class TimelinePageTest extends ApiTestBase {
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"fake-data\">(.*?)</script>", Pattern.DOTALL);

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.controlApi(true).captures(2);
    }

    @Test
    void thePageIsServedAsHtmlThatPollsTheControlApiAndNeedsNothingFromElsewhere() {
        Http.Response r = get("/fake/ui");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("fetch(\"/fake/v1/state\")")
                .contains("fetch(\"/fake/v1/requests\")").doesNotContain("http://").doesNotContain("https://");
        assertThat(embedded(r.body())).isEqualTo("/*FAKE_DATA*/null");
        assertThat(fake.requests().count()).as("the control API is not journaled").isZero();
    }

    @Test
    void theSnapshotEmbedsTheStateAndTheJournalAsJson() throws Exception {
        create("{\"changefeed_id\":\"cf\",\"sink_uri\":\"blackhole://\"}");
        fake.faults().add(FaultRule.on("pause changefeed").id("flaky-pause")
                .respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out")));
        post("/api/v2/changefeeds/cf/pause", null);
        post("/api/v2/changefeeds", "{\"changefeed_id\":\"</script><b>\",\"sink_uri\":\"blackhole://\"}");

        String html = fake.timelineHtml();

        assertThat(html).doesNotContain("</script><b>");
        JsonNode data = new ObjectMapper().readTree(embedded(html));
        assertThat(data.at("/state/captures")).hasSize(2);
        assertThat(data.at("/state/changefeeds/0/id").asText()).isEqualTo("cf");
        assertThat(data.at("/state/changefeeds/0/checkpointTs").asLong()).isEqualTo(START_TSO);
        JsonNode requests = data.get("requests");
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).get("operation").asText()).isEqualTo("create changefeed");
        assertThat(requests.get(1).get("status").asInt()).isEqualTo(500);
        assertThat(requests.get(1).get("fault").asText()).isEqualTo("flaky-pause");
        assertThat(requests.get(1).get("faultEffect").asText()).isEqualTo("error");
        assertThat(requests.get(2).get("bodyText").asText()).contains("</script><b>");
    }

    private static String embedded(String html) {
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).as("the data block").isTrue();
        return m.group(1);
    }
}
