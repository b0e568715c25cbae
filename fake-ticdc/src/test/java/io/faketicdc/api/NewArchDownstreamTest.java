package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeConfig;
import io.faketicdc.FakeTiCdc;
import io.faketicdc.Profile;
import io.faketicdc.SinkCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Downstreams on the new architecture (pingcap/ticdc api/v2/changefeed.go): create and update run
 * check.IsSameUpstreamDownstream (a MySQL downstream's connection error, unwrapped) then
 * sink.Verify (wrapped as 400 ErrSinkURIInvalid); update does so on every update and does not wrap
 * it as refused; resume runs only the same-cluster check; a Pulsar sink is not opened at all.
 */
class NewArchDownstreamTest extends NewArchTestBase {
    private static final String MYSQL = "mysql://root@127.0.0.1:3306/";
    private static final String MYSQL_DOWN = "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: "
            + "dial tcp 127.0.0.1:3306: connect: connection refused";
    private static final String KAFKA = "kafka://127.0.0.1:9092/topic?protocol=canal-json";
    private static final String KAFKA_DOWN = "[CDC:ErrSinkURIInvalid]sink uri invalid '" + KAFKA + "': "
            + "[CDC:ErrNewKafkaSink]new kafka sink: kafka: client has run out of available brokers to talk to: "
            + "dial tcp 127.0.0.1:9092: connect: connection refused";
    private static final String PULSAR = "pulsar://127.0.0.1:6650/topic?protocol=canal-json";
    private static final String LATER = Long.toString(START_TSO + (1L << 40));

    private static String body(String id, String sinkUri) {
        return "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"" + sinkUri + "\"}";
    }

    @Test
    void a_create_with_a_mysql_sink_that_is_down_is_its_connection_error_unwrapped_in_v2_and_v1() {
        fake.downstream("127.0.0.1:3306").down();
        assertApiError(post(CHANGEFEEDS, body("cf", MYSQL)), 400, "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
        assertApiError(post(V1_CHANGEFEEDS, body("cf", MYSQL)), 400, "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
        assertThat(fake.changefeeds()).isEmpty();
    }

    @Test
    void a_create_with_a_kafka_sink_that_is_down_is_a_400_invalid_sink_uri_in_v2_and_v1() {
        fake.downstream("127.0.0.1:9092").down();
        assertApiError(post(CHANGEFEEDS, body("cf", KAFKA)), 400, "CDC:ErrSinkURIInvalid", KAFKA_DOWN);
        assertApiError(post(V1_CHANGEFEEDS, body("cf", KAFKA)), 400, "CDC:ErrSinkURIInvalid", KAFKA_DOWN);
    }

    @Test
    void a_create_with_a_storage_sink_whose_endpoint_is_down_is_a_400_wrapping_the_external_storage_error() {
        fake.downstream("minio:9000").down();
        assertApiError(post(CHANGEFEEDS, body("cf", "s3://bucket/prefix?protocol=csv&endpoint=http://minio:9000")), 400,
                "CDC:ErrSinkURIInvalid", "[CDC:ErrSinkURIInvalid]sink uri invalid "
                        + "'s3://bucket/prefix?endpoint=http%3A%2F%2Fminio%3A9000&protocol=csv': "
                        + "[CDC:ErrS3StorageAPI]external storage api: dial tcp minio:9000: connect: connection refused");
    }

    @Test
    void a_pulsar_sink_is_not_opened_so_a_create_succeeds_and_counts_no_create() {
        fake.downstream("127.0.0.1:6650").downForCreates(1);
        create(body("cf", PULSAR));
        assertThat(post(V1_CHANGEFEEDS, body("cf1", PULSAR)).status()).isEqualTo(202);
        assertThat(fake.downstream("127.0.0.1:6650").isDown()).isTrue();
    }

    @Test
    void an_update_of_target_ts_alone_verifies_the_kept_sink_without_wrapping_it_as_refused() {
        createWith(body("k", KAFKA));
        createWith(body("m", MYSQL));
        pause("k");
        pause("m");
        fake.downstream("127.0.0.1:9092").down();
        fake.downstream("127.0.0.1:3306").down();
        assertApiError(put(CHANGEFEEDS + "/k", "{\"target_ts\":" + LATER + "}"), 400, "CDC:ErrSinkURIInvalid", KAFKA_DOWN);
        assertApiError(put(CHANGEFEEDS + "/m", "{\"target_ts\":" + LATER + "}"), 400, "CDC:ErrMySQLConnectionError",
                MYSQL_DOWN);
        assertApiError(put(V1_CHANGEFEEDS + "/k", "{\"target_ts\":" + LATER + "}"), 400, "CDC:ErrSinkURIInvalid",
                KAFKA_DOWN);
        fake.downstream("127.0.0.1:9092").up();
        assertThat(put(CHANGEFEEDS + "/k", "{\"target_ts\":" + LATER + "}").status()).isEqualTo(200);
    }

    @Test
    void an_update_to_a_sink_that_is_down_is_refused_by_the_new_sink_and_to_pulsar_is_not() {
        createBlackhole("cf");
        pause("cf");
        fake.downstream("127.0.0.1:9092").down();
        fake.downstream("127.0.0.1:6650").down();
        assertApiError(put(CHANGEFEEDS + "/cf", "{\"sink_uri\":\"" + KAFKA + "\"}"), 400, "CDC:ErrSinkURIInvalid", KAFKA_DOWN);
        assertThat(fake.changefeed("cf").snapshot().sinkUri()).isEqualTo("blackhole://");
        assertThat(put(CHANGEFEEDS + "/cf", "{\"sink_uri\":\"" + PULSAR + "\"}").status()).isEqualTo(200);
    }

    @Test
    void a_resume_opens_only_a_mysql_downstream_before_checking_the_checkpoint() {
        createWith(body("m", MYSQL));
        createWith(body("k", KAFKA));
        pause("m");
        pause("k");
        fake.downstream("127.0.0.1:3306").down();
        fake.downstream("127.0.0.1:9092").down();
        // an overwrite_checkpoint_ts ahead of the TSO would be refused after the same-cluster check
        assertApiError(post(CHANGEFEEDS + "/m/resume", "{\"overwrite_checkpoint_ts\":" + LATER + "}"), 400,
                "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
        assertApiError(post(V1_CHANGEFEEDS + "/m/resume", null), 400, "CDC:ErrMySQLConnectionError", MYSQL_DOWN);
        assertThat(fake.changefeed("m").state()).isEqualTo(ChangefeedState.STOPPED);
        // no sink.Verify on resume: a Kafka downstream that is down is not noticed
        assertJsonOk(post(CHANGEFEEDS + "/k/resume", "{}"), "{}");
    }

    @Test
    void a_running_changefeed_whose_downstream_stays_down_goes_through_warning_to_failed() {
        createWith(body("cf", MYSQL));
        fake.downstream("127.0.0.1:3306").downFor(Duration.ofHours(2));
        assertThat(fake.changefeed("cf").state()).isIn(ChangefeedState.PENDING, ChangefeedState.WARNING);
        fake.clock().advance(Duration.ofMinutes(40));
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.FAILED);
        assertThat(fake.changefeed("cf").error().orElseThrow().message()).isEqualTo(MYSQL_DOWN);
    }

    @Test
    void in_dial_mode_a_closed_local_port_is_refused_with_each_schemes_error() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        fake.close();
        fake = FakeTiCdc.create(FakeConfig.builder().startInstant(START).zone(ZoneOffset.UTC).upstreamId(UPSTREAM_ID)
                .profile(Profile.NEWARCH).sinkCheck(SinkCheck.DIAL).build()).start();
        String dial = "dial tcp 127.0.0.1:" + closed + ": connect: connection refused";
        assertApiError(post(CHANGEFEEDS, body("m", "mysql://root@127.0.0.1:" + closed + "/")), 400,
                "CDC:ErrMySQLConnectionError", "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: " + dial);
        String kafka = "kafka://127.0.0.1:" + closed + "/t?protocol=canal-json";
        assertApiError(post(V1_CHANGEFEEDS, body("k", kafka)), 400, "CDC:ErrSinkURIInvalid",
                "[CDC:ErrSinkURIInvalid]sink uri invalid '" + kafka + "': [CDC:ErrNewKafkaSink]new kafka sink: "
                        + "kafka: client has run out of available brokers to talk to: " + dial);
        create(body("p", "pulsar://127.0.0.1:" + closed + "/t?protocol=canal-json"));
    }
}
