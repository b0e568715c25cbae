package io.faketicdc.junit.boundary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.faketicdc.boundary.ApiListing;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The extension is a user of the engine's public API, like any test code: it reaches nothing under
 * {@code io.faketicdc.internal}. Its own internals ({@code io.faketicdc.junit.internal}) stay out of
 * its public signatures.
 */
class ArchitectureTest {
    /** The extension's classes and its tests'. */
    private static final JavaClasses EXTENSION = new ClassFileImporter().importPackages("io.faketicdc.junit");

    @Test
    void noClassOfTheExtensionOrItsTestsUsesTheEnginesInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.faketicdc.internal..").check(EXTENSION);
    }

    @Test
    void publicSignaturesNameNoInternalType() {
        assertThat(ApiListing.of(Set.of("io.faketicdc.junit"), Map.of()))
                .doesNotContain("io.faketicdc.internal.", "io.faketicdc.junit.internal.");
    }
}
