package io.faketicdc.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's documentation: README.md and the pages under docs/. Shared by the doc tests. */
public final class Docs {
    private Docs() { }

    /** The project root: the nearest directory up from the working directory with README.md and docs/. */
    public static Path root() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs")))) p = p.getParent();
        assertThat(p).as("project root with README.md and docs/").isNotNull();
        return p;
    }

    /** README.md and every docs/*.md, in a stable order. */
    public static List<Path> pages() {
        Path root = root();
        List<Path> out = new ArrayList<>();
        out.add(root.resolve("README.md"));
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's path relative to the root, for messages. */
    public static String name(Path page) {
        return root().relativize(page).toString().replace('\\', '/');
    }
}
