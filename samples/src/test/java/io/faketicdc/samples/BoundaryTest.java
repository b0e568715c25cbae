package io.faketicdc.samples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The samples are what users write: the client and its tests use only the public API of the
 * engine and of the JUnit extension, never their internals.
 */
class BoundaryTest {
    /** The client and its tests. */
    private static final JavaClasses SAMPLES = new ClassFileImporter().importPackages("io.faketicdc.samples");

    @Test
    void noSampleUsesTheEnginesInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.faketicdc.internal..").check(SAMPLES);
    }

    @Test
    void noSampleUsesTheExtensionsInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.faketicdc.junit.internal..").check(SAMPLES);
    }
}
