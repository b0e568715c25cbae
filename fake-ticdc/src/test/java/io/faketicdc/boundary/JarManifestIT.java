package io.faketicdc.boundary;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The jar a user depends on, as {@code package} built it: named {@code io.faketicdc} on the module
 * path (its manifest's {@code Automatic-Module-Name}, not a name derived from the file name), with
 * its sources and javadoc jars next to it.
 */
class JarManifestIT {
    private static final Path JAR = Path.of(System.getProperty("library.jar"));

    @Test
    void theJarCarriesItsAutomaticModuleName() throws Exception {
        LibraryJar.assertAutomaticModule(JAR, "io.faketicdc", "io.faketicdc", "io.faketicdc.faults");
    }

    @Test
    void sourcesAndJavadocJarsAreBuiltAlongside() {
        LibraryJar.assertSourcesAndJavadocAlongside(JAR);
    }
}
