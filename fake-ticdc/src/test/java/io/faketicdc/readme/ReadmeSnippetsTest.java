package io.faketicdc.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every block between {@code <!-- snippet:NAME -->} and {@code <!-- /snippet -->} in README.md or
 * docs/*.md equals the compiled source region {@code // snippet:NAME} ... {@code // end-snippet}
 * (indent removed) in a test source or in the samples module's main sources, so the documentation
 * cannot drift from code that compiles and runs; and every source region is shown on some page.
 */
class ReadmeSnippetsTest {
    private static final Pattern README_BLOCK = Pattern.compile(
            "<!-- snippet:([\\w-]+) -->\\s*```java\\n(.*?)```\\s*<!-- /snippet -->", Pattern.DOTALL);

    private static final Pattern ANY_MARKER = Pattern.compile("<!-- snippet:([\\w-]+) -->");

    private static Path root() {
        return Docs.root();
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
                    assertThat(out).as("source region " + name + " is defined once (again in " + f + ")").doesNotContainKey(name);
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
    void everyDocSnippetIsCompiledSampleCode() throws IOException {
        Path root = root();
        Map<String, String> sources = sourceSnippets(root);
        Set<String> shown = new TreeSet<>();
        int checked = 0;
        for (Path page : Docs.pages()) {
            String text = Docs.read(page);
            String where = Docs.name(page);
            Matcher m = README_BLOCK.matcher(text);
            int blocks = 0;
            while (m.find()) {
                String name = m.group(1);
                assertThat(sources).as("source region for snippet " + name + " shown in " + where).containsKey(name);
                assertThat(m.group(2)).as("snippet " + name + " in " + where).isEqualTo(sources.get(name));
                shown.add(name);
                blocks++;
            }
            Matcher markers = ANY_MARKER.matcher(text);
            int marked = 0;
            while (markers.find()) marked++;
            assertThat(blocks).as(where + ": every snippet marker opens a ```java block closed by <!-- /snippet -->")
                    .isEqualTo(marked);
            checked += blocks;
        }
        assertThat(sources.keySet()).as("source regions shown on no page (README.md, docs/*.md)").isSubsetOf(shown);
        assertThat(checked).as("snippets checked").isGreaterThanOrEqualTo(sources.size());
        String readme = Files.readString(root.resolve("README.md"));
        assertThat(readme).as("the README's first test, imports included").contains("<!-- snippet:first-test -->");
    }
}
