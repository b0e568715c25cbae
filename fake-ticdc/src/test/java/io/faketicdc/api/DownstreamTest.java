package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.faketicdc.ChangefeedState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Scripted downstreams: creates and updates open the sink as the real validator does
 * (pingcap/tiflow cdc/sink/validator/validator.go; cdc/api/v2/api_helpers.go; cdc/api/v1/validator.go)
 * and get each scheme's real error while it is down; the changefeeds writing to it retry.
 */
class DownstreamTest extends RouteTestBase {
    static final String MYSQL_DOWN = "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: "
            + "dial tcp 127.0.0.1:3306: connect: connection refused";
    static final String MYSQL = "mysql://root@127.0.0.1:3306/";

    private static String body(String id, String sinkUri) {
        return "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"" + sinkUri + "\"}";
    }

    @Test
    void in_accept_mode_a_sink_nobody_listens_on_is_created() {
        assertThat(post(CHANGEFEEDS, body("cf", "mysql://127.0.0.1:1111/")).status()).isEqualTo(200);
        assertAccepted(post(V1_CHANGEFEEDS, body("cf1", "kafka://127.0.0.1:9092/t?protocol=canal-json")));
    }

    @Test
    void a_create_with_a_mysql_sink_that_is_down_is_a_400_connection_error_in_v1_and_v2() {
        fake.downstream("127.0.0.1:3306").down();
        assertApiError(post(CHANGEFEEDS, body("cf", MYSQL)), 400, "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
        assertApiError(post(V1_CHANGEFEEDS, body("cf", MYSQL)), 400, "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
        assertThat(fake.changefeeds()).isEmpty();
        assertThat(fake.downstream("127.0.0.1:3306").isDown()).isTrue();
    }

    @Test
    void a_mysql_sink_without_a_port_dials_4000_and_a_host_rule_covers_every_port() {
        fake.downstream("tidb.example").down();
        assertApiError(post(CHANGEFEEDS, body("cf", "tidb://tidb.example/")), 400, "CDC:ErrMySQLConnectionError",
                "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp tidb.example:4000: connect: connection refused");
        assertApiError(post(CHANGEFEEDS, body("cf", "mysql://TIDB.example:3307/")), 400, "CDC:ErrMySQLConnectionError",
                "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp tidb.example:3307: connect: connection refused");
        assertThat(post(CHANGEFEEDS, body("cf", "mysql://127.0.0.1:3306/")).status()).isEqualTo(200);
    }

    @Test
    void a_kafka_sink_that_is_down_is_a_500_new_producer_error() {
        fake.downstream("127.0.0.1:9092").down();
        String msg = "[CDC:ErrKafkaNewProducer]new kafka producer: kafka: client has run out of available brokers to talk to: "
                + "dial tcp 127.0.0.1:9092: connect: connection refused";
        assertApiError(post(CHANGEFEEDS, body("cf", "kafka://127.0.0.1:9092/topic?protocol=canal-json")), 500,
                "CDC:ErrKafkaNewProducer", msg);
        assertApiError(post(V1_CHANGEFEEDS, body("cf", "kafka://127.0.0.1:9092/topic?protocol=canal-json")), 500,
                "CDC:ErrKafkaNewProducer", msg);
    }

    @Test
    void a_kafka_sink_fails_only_when_every_broker_is_down() {
        fake.downstream("k1:9092").down();
        assertThat(post(CHANGEFEEDS, body("a", "kafka://k1:9092,k2:9092/t?protocol=canal-json")).status()).isEqualTo(200);
        fake.downstream("k2").down();
        assertThat(post(CHANGEFEEDS, body("b", "kafka://k1:9092,k2:9092/t?protocol=canal-json")).status()).isEqualTo(500);
    }

    @Test
    void a_pulsar_sink_that_is_down_is_a_500_wrapped_twice() {
        fake.downstream("pulsar://127.0.0.1").down();
        assertApiError(post(CHANGEFEEDS, body("cf", "pulsar://127.0.0.1/topic?protocol=canal-json")), 500,
                "CDC:ErrPulsarNewProducer", "[CDC:ErrPulsarNewProducer]new pulsar producer: "
                        + "[CDC:ErrPulsarNewProducer]new pulsar producer: connection error");
    }

    @Test
    void a_storage_sink_whose_endpoint_is_down_is_a_500_external_storage_error() {
        fake.downstream("minio:9000").down();
        assertApiError(post(CHANGEFEEDS, body("cf", "s3://bucket/prefix?protocol=csv&endpoint=http://minio:9000")), 500,
                "DFLOW:ErrFailToCreateExternalStorage", "[DFLOW:ErrFailToCreateExternalStorage]failed to create external "
                        + "storage%!(EXTRA string=creating ExternalStorage for s3): dial tcp minio:9000: connect: connection refused");
        assertThat(post(CHANGEFEEDS, body("local", "file:///tmp/fake-ticdc-sink?protocol=csv")).status()).isEqualTo(200);
    }

    @Test
    void a_downstream_down_for_two_creates_refuses_two_then_accepts() {
        fake.downstream("127.0.0.1:3306").downForCreates(2);
        assertThat(post(CHANGEFEEDS, body("cf", MYSQL)).status()).isEqualTo(400);
        assertThat(post(V1_CHANGEFEEDS, body("cf", MYSQL)).status()).isEqualTo(400);
        assertThat(fake.downstream("127.0.0.1:3306").isDown()).isFalse();
        assertThat(post(CHANGEFEEDS, body("cf", MYSQL)).status()).isEqualTo(200);
    }

    @Test
    void a_downstream_down_for_five_minutes_of_clock_comes_back_after_them() {
        fake.downstream("127.0.0.1:3306").downFor(Duration.ofMinutes(5));
        assertThat(post(CHANGEFEEDS, body("cf", MYSQL)).status()).isEqualTo(400);
        fake.clock().advance(Duration.ofMinutes(4));
        assertThat(post(CHANGEFEEDS, body("cf", MYSQL)).status()).isEqualTo(400);
        fake.clock().advance(Duration.ofMinutes(1));
        assertThat(post(CHANGEFEEDS, body("cf", MYSQL)).status()).isEqualTo(200);
    }

    @Test
    void up_lifts_a_rule_and_a_scripted_change_can_wait_for_the_clock() {
        fake.downstream("127.0.0.1:3306").down();
        fake.downstream("127.0.0.1:3306").after(Duration.ofMinutes(1)).up();
        assertThat(post(CHANGEFEEDS, body("cf", MYSQL)).status()).isEqualTo(400);
        fake.clock().advance(Duration.ofMinutes(1));
        assertThat(post(CHANGEFEEDS, body("cf", MYSQL)).status()).isEqualTo(200);
    }

    @Test
    void an_update_that_changes_the_sink_to_a_downstream_that_is_down_is_refused_400() {
        createWith(body("cf", "blackhole://"));
        pause("cf");
        fake.downstream("127.0.0.1:3306").down();
        assertApiError(put(CHANGEFEEDS + "/cf", "{\"sink_uri\":\"" + MYSQL + "\"}"), 400, "CDC:ErrChangefeedUpdateRefused",
                "[CDC:ErrChangefeedUpdateRefused]changefeed update error: " + MYSQL_DOWN);
        assertApiError(put(V1_CHANGEFEEDS + "/cf", "{\"sink_uri\":\"" + MYSQL + "\"}"), 400, "CDC:ErrChangefeedUpdateRefused",
                "[CDC:ErrChangefeedUpdateRefused]changefeed update error: " + MYSQL_DOWN);
        assertThat(fake.changefeed("cf").snapshot().sinkUri()).isEqualTo("blackhole://");
    }

    @Test
    void an_update_of_the_replica_config_opens_the_kept_sink_too() {
        createWith(body("cf", "kafka://127.0.0.1:9092/t?protocol=canal-json"));
        pause("cf");
        fake.downstream("127.0.0.1:9092").down();
        assertApiError(put(CHANGEFEEDS + "/cf", "{\"replica_config\":{\"force_replicate\":true}}"), 400,
                "CDC:ErrChangefeedUpdateRefused", "[CDC:ErrChangefeedUpdateRefused]changefeed update error: "
                        + "[CDC:ErrKafkaNewProducer]new kafka producer: kafka: client has run out of available brokers to talk to: "
                        + "dial tcp 127.0.0.1:9092: connect: connection refused");
        // neither sink nor config: no sink is opened (not MySQL, so no same-cluster check either)
        assertThat(put(CHANGEFEEDS + "/cf", "{\"target_ts\":" + (START_TSO + (1L << 40)) + "}").status()).isEqualTo(200);
    }

    @Test
    void on_master_an_update_of_target_ts_alone_opens_a_mysql_downstream_unwrapped() {
        createWith(body("cf", MYSQL));
        pause("cf");
        fake.downstream("127.0.0.1:3306").down();
        assertApiError(put(CHANGEFEEDS + "/cf", "{\"target_ts\":" + (START_TSO + (1L << 40)) + "}"), 400,
                "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
        assertApiError(put(V1_CHANGEFEEDS + "/cf", "{\"target_ts\":" + (START_TSO + (1L << 40)) + "}"), 400,
                "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
    }

    @Test
    void on_master_resuming_a_mysql_changefeed_whose_downstream_is_down_fails() {
        createWith(body("cf", MYSQL));
        pause("cf");
        fake.downstream("127.0.0.1:3306").down();
        assertApiError(post(CHANGEFEEDS + "/cf/resume", "{}"), 400, "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
        assertApiError(post(V1_CHANGEFEEDS + "/cf/resume", null), 400, "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.STOPPED);
        fake.downstream("127.0.0.1:3306").up();
        assertJsonOk(post(CHANGEFEEDS + "/cf/resume", "{}"), "{}");
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.NORMAL);
    }

    @Test
    void a_running_changefeed_whose_downstream_goes_down_retries_and_recovers_when_it_is_back() {
        createWith(body("cf", "kafka://127.0.0.1:9092/t?protocol=canal-json"));
        fake.downstream("127.0.0.1:9092").down();
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.PENDING);
        assertThat(fake.changefeed("cf").error().orElseThrow().code()).isEqualTo("CDC:ErrKafkaNewProducer");
        fake.clock().advance(Duration.ofMinutes(2));
        assertThat(fake.changefeed("cf").state()).isIn(ChangefeedState.PENDING, ChangefeedState.WARNING);
        assertThat(get(CHANGEFEEDS + "/cf").body()).contains("\"code\":\"CDC:ErrKafkaNewProducer\"");
        fake.downstream("127.0.0.1:9092").up();
        fake.clock().advance(Duration.ofMinutes(11));
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.NORMAL);
    }

    @Test
    void a_changefeed_whose_downstream_stays_down_fails_after_the_stuck_duration() {
        createWith(body("cf", MYSQL));
        fake.downstream("127.0.0.1:3306").downFor(Duration.ofHours(2));
        fake.clock().advance(Duration.ofMinutes(40));
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.FAILED);
        assertThat(fake.changefeed("cf").error().orElseThrow().message()).isEqualTo(MYSQL_DOWN);
    }

    @Test
    void a_changefeed_on_another_downstream_does_not_notice() {
        createWith(body("cf", "mysql://127.0.0.1:3307/"));
        fake.downstream("127.0.0.1:3306").down();
        fake.clock().advance(Duration.ofMinutes(1));
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.NORMAL);
    }

    @Test
    void a_downstream_with_an_unknown_scheme_or_an_unparsable_host_is_refused_naming_it() {
        assertThatThrownBy(() -> fake.downstream("ftp://127.0.0.1:21")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("downstream: unknown sink scheme 'ftp' in downstream 'ftp://127.0.0.1:21' "
                        + "(mysql, tidb, kafka, pulsar, s3, gcs, azblob...)");
        assertThatThrownBy(() -> fake.downstream("db host:3306")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("downstream: unparsable downstream 'db host:3306' "
                        + "(expected host, host:port, [ipv6]:port or scheme://host:port)");
        assertThatThrownBy(() -> fake.downstream("db:70000")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("downstream: the port of downstream 'db:70000' must be a number from 1 to 65535");
    }
}
