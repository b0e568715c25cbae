package io.faketicdc.junit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API listing code here is a copy of fake-ticdc's (test code is not shared between modules). */
class ListingCodeCopyTest {

    @ParameterizedTest
    @ValueSource(strings = {"ApiListing.java", "ListingDiff.java"})
    void theListingCodeIsTheSameAsTheEngines(String file) throws IOException {
        Path engine = Path.of("..", "fake-ticdc", "src", "test", "java", "io", "faketicdc", "boundary", file);
        assumeTrue(Files.exists(engine), "fake-ticdc's sources are next to this module");
        Path here = Path.of("src", "test", "java", "io", "faketicdc", "junit", "boundary", file);
        assertThat(Files.readString(here).replace("package io.faketicdc.junit.boundary;", "package io.faketicdc.boundary;"))
                .isEqualTo(Files.readString(engine));
    }
}
