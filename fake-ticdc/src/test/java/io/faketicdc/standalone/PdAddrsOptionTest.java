package io.faketicdc.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.FakeConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --pd-addrs URL[,URL]}: the upstream's PD endpoints, checked as the Java setting is. */
class PdAddrsOptionTest {

    private static FakeConfig configure(String... args) {
        Main m = new Main(System.out, System.err);
        new CommandLine(m).parseArgs(args);
        FakeConfig.Builder b = FakeConfig.builder();
        Options.configure(m, b);
        return b.build();
    }

    @Test
    void without_the_flag_the_pd_is_the_real_servers_default() {
        assertThat(configure().pdAddrs()).containsExactly("http://127.0.0.1:2379");
    }

    @Test
    void the_flag_takes_a_comma_separated_list_and_may_repeat() {
        assertThat(configure("--pd-addrs", "http://pd-0:2379,http://pd-1:2379", "--pd-addrs", "https://10.0.0.1:2379").pdAddrs())
                .containsExactly("http://pd-0:2379", "http://pd-1:2379", "https://10.0.0.1:2379");
    }

    @Test
    void a_bad_url_is_one_line_naming_the_flag_and_exit_2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Main.run(new String[] {"--addr", "127.0.0.1:0", "--pd-addrs", "http://pd"}, System.out, errStream);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("fake-ticdc: --pd-addrs: 'http://pd' needs a host and a port (e.g. http://127.0.0.1:2379)"
                        + System.lineSeparator());
    }
}
