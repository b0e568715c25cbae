package io.faketicdc.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs samples/ci/fake-ticdc-ci.sh (bash + curl against the standalone jar) so it cannot rot. */
class CiScriptIT {

    @Test
    void theCiScriptPassesAgainstTheStandaloneJar() throws Exception {
        String jar = System.getProperty("standalone.jar");
        String script = System.getProperty("ci.script");
        assertThat(new File(jar)).as("standalone jar built by the fake-ticdc module").exists();
        Process p = new ProcessBuilder("bash", script, jar).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("1 passed, 0 failed");
    }
}
