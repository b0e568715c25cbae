package io.faketicdc.boundary;

import io.faketicdc.standalone.Main;
import java.io.IOException;
import java.lang.reflect.Member;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine's public API is the checked-in listing {@code api/fake-ticdc.api}: a change to it
 * shows in review as a diff of that file. The standalone runner is internal except its main class,
 * which the jar manifest names.
 */
class PublicApiTest {
    static final Set<String> PUBLIC_PACKAGES = Set.of("io.faketicdc", "io.faketicdc.faults", "io.faketicdc.script",
            "io.faketicdc.scenario");

    @Test
    void thePublicApiIsTheCheckedInListing() throws IOException {
        String actual = ApiListing.of(PUBLIC_PACKAGES,
                Map.of(Main.class, (Member m) -> m.getName().equals("main")));
        ApiListing.assertMatches(Path.of("api", "fake-ticdc.api"), actual);
    }
}
