package io.faketicdc.boundary;

import static org.assertj.core.api.Assertions.fail;

import io.faketicdc.standalone.Main;
import java.io.IOException;
import java.lang.reflect.Member;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    static final String UPDATE_COMMAND = "mvn test -pl fake-ticdc,junit-extension -Dtest=PublicApiTest -Dapi.update=true";

    @Test
    void thePublicApiIsTheCheckedInListing() throws IOException {
        String actual = ApiListing.of(PUBLIC_PACKAGES,
                Map.of(Main.class, (Member m) -> m.getName().equals("main")));
        assertMatchesListing(Path.of("api", "fake-ticdc.api"), actual);
    }

    /** Compares with the file, or rewrites it when run with {@code -Dapi.update=true}. */
    static void assertMatchesListing(Path file, String actual) throws IOException {
        if (Boolean.getBoolean("api.update")) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            fail("The public API differs from the checked-in listing " + file + ". If the change is meant, rewrite "
                    + "the listing with\n    " + UPDATE_COMMAND + "\nand commit it with the change.\n"
                    + ListingDiff.of(expected, actual));
        }
    }
}
