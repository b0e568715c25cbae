package io.faketicdc.junit.boundary;

import static org.junit.jupiter.api.Assertions.fail;

import io.faketicdc.boundary.ApiListing;
import io.faketicdc.boundary.ListingDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The extension's public API ({@code io.faketicdc.junit}; {@code io.faketicdc.junit.internal} is
 * not part of it) is the checked-in listing {@code api/junit-extension.api}: a change to it shows in
 * review as a diff of that file.
 */
class PublicApiTest {
    static final String UPDATE_COMMAND = "mvn test -pl fake-ticdc,junit-extension -Dtest=PublicApiTest -Dapi.update=true";

    @Test
    void thePublicApiIsTheCheckedInListing() throws IOException {
        String actual = ApiListing.of(Set.of("io.faketicdc.junit"), Map.of());
        Path file = Path.of("api", "junit-extension.api");
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
