package io.faketicdc.junit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar a user depends on, as {@code package} built it: named {@code io.faketicdc.junit} on the module
 * path (its manifest's {@code Automatic-Module-Name}, not a name derived from the file name), with
 * its sources and javadoc jars next to it.
 */
class JarManifestIT {
    private static final Path JAR = Path.of(System.getProperty("library.jar"));

    @Test
    void theJarCarriesItsAutomaticModuleName() throws Exception {
        assertThat(JAR).as("the jar is built by `package`").isRegularFile();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("io.faketicdc.junit");
        }
        ModuleReference module = ModuleFinder.of(JAR).findAll().iterator().next();
        assertThat(module.descriptor().name()).isEqualTo("io.faketicdc.junit");
        assertThat(module.descriptor().packages()).contains("io.faketicdc.junit");
    }

    @Test
    void sourcesAndJavadocJarsAreBuiltAlongside() {
        String name = JAR.getFileName().toString().replaceFirst("\\.jar$", "");
        assertThat(JAR.resolveSibling(name + "-sources.jar")).isRegularFile();
        assertThat(JAR.resolveSibling(name + "-javadoc.jar")).isRegularFile();
    }
}
