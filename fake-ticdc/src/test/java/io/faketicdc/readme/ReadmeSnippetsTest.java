package io.faketicdc.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every README block between {@code <!-- snippet:NAME -->} and {@code <!-- /snippet -->} equals
 * the compiled source region {@code // snippet:NAME} ... {@code // end-snippet} (indent removed) in a
 * test source or in the samples module's main sources,
 * so the documentation cannot drift from code that compiles and runs.
 */
class ReadmeSnippetsTest {
    private static final Pattern README_BLOCK = Pattern.compile(
            "<!-- snippet:([\\w-]+) -->\\s*```java\\n(.*?)```\\s*<!-- /snippet -->", Pattern.DOTALL);

    private static Path root() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("README.md"))) p = p.getParent();
        assertThat(p).as("project root with README.md").isNotNull();
        return p;
    }

    static Map<String, String> sourceSnippets(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(ReadmeSnippetsTest::isSnippetSource).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i).strip();
                    if (!l.startsWith("// snippet:")) continue;
                    String name = l.substring("// snippet:".length()).strip();
                    List<String> body = new ArrayList<>();
                    int j = i + 1;
                    while (!lines.get(j).strip().equals("// end-snippet")) body.add(lines.get(j++));
                    out.put(name, dedent(body));
                }
            }
        }
        return out;
    }

    /** Test sources of every module, and the samples module's main sources (the client its tests exercise). */
    private static boolean isSnippetSource(Path p) {
        String s = p.toString().replace('\\', '/');
        return s.endsWith(".java") && (s.contains("/src/test/") || s.contains("/samples/src/main/"));
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder b = new StringBuilder();
        for (String l : lines) b.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        return b.toString();
    }

    @Test
    void everyReadmeSnippetIsCompiledSampleCode() throws IOException {
        Path root = root();
        String readme = Files.readString(root.resolve("README.md"));
        Map<String, String> sources = sourceSnippets(root);
        Matcher m = README_BLOCK.matcher(readme);
        int checked = 0;
        while (m.find()) {
            String name = m.group(1);
            assertThat(sources).as("source region for README snippet " + name).containsKey(name);
            assertThat(m.group(2)).as("README snippet " + name).isEqualTo(sources.get(name));
            checked++;
        }
        assertThat(checked).as("README snippets checked").isGreaterThanOrEqualTo(3);
    }
}
