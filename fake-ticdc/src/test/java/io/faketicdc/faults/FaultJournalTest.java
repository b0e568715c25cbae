package io.faketicdc.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faketicdc.RecordedRequest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The journal names the rule that fired and what it did. */
class FaultJournalTest extends FaultTestBase {

    @Test
    void theJournalShowsTheRuleThatFiredAndItsEffect() throws Exception {
        fake.faults().add(FaultRule.on("list changefeeds").id("etcd-timeout").firstN(1)
                .respond(Effect.error(500, "CDC:ErrEtcdTryAgain", "etcdserver: request timed out")));
        call("GET", "/api/v2/changefeeds", null);
        call("GET", "/api/v2/changefeeds", null);
        RecordedRequest faulted = fake.requests().all().get(0);
        assertThat(faulted.fault()).isEqualTo("etcd-timeout");
        assertThat(faulted.faultEffect()).isEqualTo("error");
        assertThat(faulted.status()).isEqualTo(500);
        assertThat(faulted.operation()).isEqualTo("list changefeeds");
        assertThat(faulted.describe()).endsWith("[fault etcd-timeout: error]");
        assertThat(fake.requests().last().fault()).isNull();
    }

    @Test
    void anExchangeThatSentNoStatusLineIsRecordedWithStatusZero() {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.reset()));
        assertThatThrownBy(() -> call("GET", "/api/v2/changefeeds", null)).isInstanceOf(IOException.class);
        RecordedRequest r = fake.requests().last();
        assertThat(r.status()).isZero();
        assertThat(r.responseBody()).isEmpty();
        assertThat(r.fault()).isEqualTo("fault-1");
        assertThat(r.faultEffect()).isEqualTo("reset");
    }

    @Test
    void faultFieldsSerialiseToJsonAndTakePartInEquality() throws Exception {
        fake.faults().add(FaultRule.on("list changefeeds").respond(Effect.noOwner()));
        call("GET", "/api/v2/changefeeds", null);
        RecordedRequest r = fake.requests().last();
        JsonNode json = new ObjectMapper().findAndRegisterModules().valueToTree(r);
        assertThat(json.get("fault").asText()).isEqualTo("fault-1");
        assertThat(json.get("faultEffect").asText()).isEqualTo("no-owner");
        RecordedRequest withoutFault = new RecordedRequest(r.sequence(), r.time(), r.slot(), r.port(), r.method(),
                r.path(), r.rawQuery(), r.headers(), r.body(), r.operation(), r.forwardedTo(), r.forwardedFrom(),
                r.status(), r.contentType(), r.responseHeaders(), r.responseBody(), r.durationNanos());
        assertThat(withoutFault).isNotEqualTo(r);
    }
}
