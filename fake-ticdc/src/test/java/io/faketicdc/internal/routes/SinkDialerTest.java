package io.faketicdc.internal.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** How the dial check writes an address in Go's dial error text (net/netip Addr.String). */
class SinkDialerTest {
    private static String shown(String literal) throws UnknownHostException {
        return SinkDialer.goHost(InetAddress.getByName(literal)); // a literal: no lookup
    }

    @Test
    void an_ipv6_address_is_written_short_and_bracketed_as_go_writes_it() throws UnknownHostException {
        assertThat(shown("::1")).isEqualTo("[::1]");
        assertThat(shown("::")).isEqualTo("[::]");
        assertThat(shown("fd00:0:0:0:0:0:0:2")).isEqualTo("[fd00::2]");
        assertThat(shown("2001:db8:0:0:1:0:0:1")).isEqualTo("[2001:db8::1:0:0:1]");
        assertThat(shown("2001:db8:0:1:0:0:0:1")).isEqualTo("[2001:db8:0:1::1]");
        assertThat(shown("2001:db8:1:2:3:4:0:5")).isEqualTo("[2001:db8:1:2:3:4:0:5]");
        assertThat(shown("fe80:0:0:0:0:0:0:0")).isEqualTo("[fe80::]");
        assertThat(shown("2001:0DB8:0:0:0:0:0:ABCD")).isEqualTo("[2001:db8::abcd]");
    }

    @Test
    void an_ipv4_address_is_dotted() throws UnknownHostException {
        assertThat(shown("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(shown("::ffff:10.0.0.5")).isEqualTo("10.0.0.5");
    }
}
