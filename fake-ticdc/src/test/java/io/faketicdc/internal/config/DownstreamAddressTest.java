package io.faketicdc.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How a script names a downstream, and the hosts a sink URI dials (pingcap/tiflow pkg/sink/mysql/db_helper.go). */
class DownstreamAddressTest {

    private static SinkTargets sink(String uri) throws GoUrl.UrlException {
        return SinkTargets.of(GoUrl.parse(uri));
    }

    @Test
    void aHostAHostAndPortAnIpv6AddressAndASinkUriAreUnderstood() {
        assertThat(DownstreamAddress.parse("DB.example")).isEqualTo(new DownstreamAddress("db.example", -1));
        assertThat(DownstreamAddress.parse("127.0.0.1:3306")).isEqualTo(new DownstreamAddress("127.0.0.1", 3306));
        assertThat(DownstreamAddress.parse("[::1]:3306")).isEqualTo(new DownstreamAddress("::1", 3306));
        assertThat(DownstreamAddress.parse("[::1]:3306").toString()).isEqualTo("[::1]:3306");
        assertThat(DownstreamAddress.parse("mysql://root:pw@tidb:4001/db")).isEqualTo(new DownstreamAddress("tidb", 4001));
        assertThat(DownstreamAddress.parse("tidb://tidb")).isEqualTo(new DownstreamAddress("tidb", 4000));
        assertThat(DownstreamAddress.parse("pulsar://p")).isEqualTo(new DownstreamAddress("p", 6650));
        assertThat(DownstreamAddress.parse("kafka://k1:9092,k2:9092/t")).isEqualTo(new DownstreamAddress("k1", 9092));
        assertThat(DownstreamAddress.parse("kafka://k1/t")).isEqualTo(new DownstreamAddress("k1", -1));
    }

    @Test
    void badAddressesSayWhatIsWrong() {
        assertThatThrownBy(() -> DownstreamAddress.parse("ftp://x")).hasMessageStartingWith("unknown sink scheme 'ftp'");
        assertThatThrownBy(() -> DownstreamAddress.parse("blackhole://x")).hasMessageStartingWith("unknown sink scheme 'blackhole'");
        assertThatThrownBy(() -> DownstreamAddress.parse("::1")).hasMessageStartingWith("unparsable downstream '::1'");
        assertThatThrownBy(() -> DownstreamAddress.parse("a/b")).hasMessageStartingWith("unparsable downstream 'a/b'");
        assertThatThrownBy(() -> DownstreamAddress.parse("db:0")).hasMessageContaining("from 1 to 65535");
        assertThatThrownBy(() -> DownstreamAddress.parse("db:x")).hasMessageContaining("from 1 to 65535");
        assertThatThrownBy(() -> DownstreamAddress.parse(" ")).hasMessageStartingWith("a downstream address is required");
    }

    @Test
    void aSinkDialsItsHostsWithTheClientsDefaultPort() throws Exception {
        assertThat(sink("mysql://root@127.0.0.1/").targets()).containsExactly(new SinkTargets.Target("127.0.0.1", 4000));
        assertThat(sink("mysql://[::1]:3306/").targets()).containsExactly(new SinkTargets.Target("::1", 3306));
        assertThat(sink("kafka://a:9092,b:9093/t").targets())
                .containsExactly(new SinkTargets.Target("a", 9092), new SinkTargets.Target("b", 9093));
        assertThat(sink("s3://bucket/p?endpoint=http://minio:9000").targets()).containsExactly(new SinkTargets.Target("minio", 9000));
        assertThat(sink("s3://bucket/p").targets()).containsExactly(new SinkTargets.Target("bucket", -1));
        assertThat(sink("file:///tmp/x").targets()).isEmpty();
        assertThat(sink("blackhole://").targets()).isEmpty();
    }

    @Test
    void aHostRuleCoversEveryPortAndAPortRuleOnlyItsOwn() {
        SinkTargets.Target t = new SinkTargets.Target("db", 3306);
        assertThat(DownstreamAddress.parse("db").matches(t)).isTrue();
        assertThat(DownstreamAddress.parse("db:3306").matches(t)).isTrue();
        assertThat(DownstreamAddress.parse("db:3307").matches(t)).isFalse();
        assertThat(DownstreamAddress.parse("other").matches(t)).isFalse();
    }
}
