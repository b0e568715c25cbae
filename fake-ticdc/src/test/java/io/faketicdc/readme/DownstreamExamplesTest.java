package io.faketicdc.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedSeed;
import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.SinkCheck;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The downstream examples of docs/scripting.md, compiled and run. */
class DownstreamExamplesTest {

    @Test
    void scriptedDownstreams() {
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.seed(7)).start()) {
            fake.seed(ChangefeedSeed.builder("orders").sinkUri("kafka://kafka-1:9092/orders?protocol=canal-json").build());
            // snippet:downstreams
            // creates and updates whose sink opens it get the real error; running changefeeds retry
            fake.downstream("mysql.internal:3306").downForCreates(2);   // the next two creates: 400, then it is back
            fake.downstream("kafka-1:9092").downFor(Duration.ofMinutes(5));   // five minutes of the fake's clock
            assertThat(fake.changefeed("orders").state()).isEqualTo(ChangefeedState.PENDING);
            fake.clock().advance(Duration.ofMinutes(15));   // back after 5; the next retry succeeds
            assertThat(fake.changefeed("orders").state()).isEqualTo(ChangefeedState.NORMAL);

            fake.downstream("mysql://tidb.internal").down();   // a MySQL/TiDB URI without a port: 4000
            fake.downstream("mysql://tidb.internal").up();
            // end-snippet
        }
    }

    @Test
    void dialMode() {
        // snippet:sink-check-dial
        try (FakeTiCdc fake = FakeTiCdc.create(cfg -> cfg.sinkCheck(SinkCheck.DIAL)).start()) {
            // a create of mysql://127.0.0.1:1111/ with nothing listening there:
            // 400 [CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp 127.0.0.1:1111: connect: connection refused
        }
        // end-snippet
    }
}
