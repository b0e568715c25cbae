package io.faketicdc.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.ChangefeedState;
import io.faketicdc.FakeConfig;
import io.faketicdc.SinkCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sinkCheck(DIAL)}: a create or update connects to the sink's host as the real validator
 * does (pingcap/tiflow cdc/sink/validator/validator.go) and answers the real error when nobody
 * listens or the host does not resolve. A closed port gives a deterministic "connection refused".
 */
class DialSinkCheckTest extends RouteTestBase {
    private ServerSocket listening;
    private int closedPort;

    @Override
    protected void configure(FakeConfig.Builder config) {
        config.sinkCheck(SinkCheck.DIAL);
    }

    @BeforeEach
    void ports() throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterEach
    void closePorts() throws IOException {
        listening.close();
    }

    private static String body(String id, String sinkUri) {
        return "{\"changefeed_id\":\"" + id + "\",\"sink_uri\":\"" + sinkUri + "\"}";
    }

    private String refusedMysql() {
        return "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp 127.0.0.1:" + closedPort
                + ": connect: connection refused";
    }

    @Test
    void a_mysql_sink_on_a_closed_port_is_refused_in_v2_and_v1() {
        assertApiError(post(CHANGEFEEDS, body("cf", "mysql://root@127.0.0.1:" + closedPort + "/")), 400,
                "CDC:ErrMySQLConnectionError", refusedMysql());
        assertApiError(post(V1_CHANGEFEEDS, body("cf", "mysql://root@127.0.0.1:" + closedPort + "/")), 400,
                "CDC:ErrMySQLConnectionError", refusedMysql());
    }

    @Test
    void a_sink_someone_listens_on_is_created() {
        assertThat(post(CHANGEFEEDS, body("cf", "mysql://127.0.0.1:" + listening.getLocalPort() + "/")).status()).isEqualTo(200);
        assertAccepted(post(V1_CHANGEFEEDS, body("k", "kafka://127.0.0.1:" + listening.getLocalPort() + "/t?protocol=canal-json")));
    }

    @Test
    void a_host_that_does_not_resolve_is_the_lookup_error() {
        assertApiError(post(CHANGEFEEDS, body("cf", "mysql://db.nowhere.invalid:3306/")), 400, "CDC:ErrMySQLConnectionError",
                "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp: lookup db.nowhere.invalid: no such host");
    }

    @Test
    void a_kafka_broker_on_a_closed_port_is_a_500() {
        assertApiError(post(CHANGEFEEDS, body("cf", "kafka://127.0.0.1:" + closedPort + "/t?protocol=canal-json")), 500,
                "CDC:ErrKafkaNewProducer", "[CDC:ErrKafkaNewProducer]new kafka producer: kafka: client has run out of "
                        + "available brokers to talk to: dial tcp 127.0.0.1:" + closedPort + ": connect: connection refused");
    }

    @Test
    void a_file_sink_whose_folder_cannot_be_made_fails_and_a_writable_one_works(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertApiError(post(CHANGEFEEDS, body("cf", "file://" + file + "/sub?protocol=csv")), 500,
                "DFLOW:ErrFailToCreateExternalStorage", "[DFLOW:ErrFailToCreateExternalStorage]failed to create external "
                        + "storage%!(EXTRA string=creating ExternalStorage for s3): mkdir " + file + ": not a directory");
        assertThat(post(CHANGEFEEDS, body("cf", "file://" + dir + "/new/folder?protocol=csv")).status()).isEqualTo(200);
    }

    @Test
    void an_update_to_a_closed_port_is_refused_and_a_scripted_rule_wins_over_a_dial() {
        createWith(body("cf", "mysql://127.0.0.1:" + listening.getLocalPort() + "/"));
        pause("cf");
        assertApiError(put(CHANGEFEEDS + "/cf", "{\"sink_uri\":\"mysql://127.0.0.1:" + closedPort + "/\"}"), 400,
                "CDC:ErrChangefeedUpdateRefused", "[CDC:ErrChangefeedUpdateRefused]changefeed update error: " + refusedMysql());
        fake.downstream("127.0.0.1:" + listening.getLocalPort()).down();
        assertApiError(post(CHANGEFEEDS + "/cf/resume", "{}"), 400, "CDC:ErrMySQLConnectionError",
                "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp 127.0.0.1:" + listening.getLocalPort()
                        + ": connect: connection refused");
    }

    @Test
    void on_master_resume_dials_a_mysql_downstream_that_has_gone_away() throws IOException {
        createWith(body("cf", "mysql://127.0.0.1:" + listening.getLocalPort() + "/"));
        pause("cf");
        int port = listening.getLocalPort();
        listening.close();
        assertApiError(post(CHANGEFEEDS + "/cf/resume", "{}"), 400, "CDC:ErrMySQLConnectionError",
                "[CDC:ErrMySQLConnectionError]fail to open MySQL connection: dial tcp 127.0.0.1:" + port
                        + ": connect: connection refused");
        assertThat(fake.changefeed("cf").state()).isEqualTo(ChangefeedState.STOPPED);
    }
}
