package io.faketicdc.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * Checks of a jar a user depends on, as {@code package} built it; shared with junit-extension's
 * tests through fake-ticdc's test jar.
 */
public final class LibraryJar {
    private LibraryJar() { }

    /**
     * Named {@code name} on the module path (its manifest's {@code Automatic-Module-Name}, not a
     * name derived from the file name) and holding {@code packages}.
     */
    public static void assertAutomaticModule(Path jarFile, String name, String... packages) throws IOException {
        assertThat(jarFile).as("the jar is built by `package`").isRegularFile();
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo(name);
        }
        ModuleReference module = ModuleFinder.of(jarFile).findAll().iterator().next();
        assertThat(module.descriptor().name()).isEqualTo(name);
        assertThat(module.descriptor().packages()).contains(packages);
    }

    /** Its sources and javadoc jars lie next to it. */
    public static void assertSourcesAndJavadocAlongside(Path jarFile) {
        String name = jarFile.getFileName().toString().replaceFirst("\\.jar$", "");
        assertThat(jarFile.resolveSibling(name + "-sources.jar")).isRegularFile();
        assertThat(jarFile.resolveSibling(name + "-javadoc.jar")).isRegularFile();
    }
}
