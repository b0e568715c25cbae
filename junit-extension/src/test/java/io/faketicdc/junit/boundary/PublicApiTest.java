package io.faketicdc.junit.boundary;

import io.faketicdc.boundary.ApiListing;
import java.io.IOException;
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
    @Test
    void thePublicApiIsTheCheckedInListing() throws IOException {
        ApiListing.assertMatches(Path.of("api", "junit-extension.api"), ApiListing.of(Set.of("io.faketicdc.junit"), Map.of()));
    }
}
