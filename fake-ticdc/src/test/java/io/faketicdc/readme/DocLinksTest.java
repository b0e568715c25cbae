package io.faketicdc.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md ({@code [text](path)} or {@code [text](path#anchor)}
 * outside code blocks) names a file or folder that exists, and an anchor into a markdown page names
 * one of its headings (GitHub's slugs); and every docs page is linked from the README.
 */
class DocLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : Docs.pages()) {
            for (String target : links(Docs.read(page))) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) continue; // https:, mailto:...
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(Docs.name(page) + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(Docs.read(resolved)).contains(anchor)) {
                    broken.add(Docs.name(page) + ": " + target + " (no such heading in " + Docs.name(resolved) + ")");
                }
            }
        }
        assertThat(broken).as("broken relative links").isEmpty();
        assertThat(checked).as("relative links checked").isGreaterThan(20);
    }

    @Test
    void theReadmeLinksEveryDocsPage() {
        Path root = Docs.root();
        Set<String> linked = new HashSet<>(links(Docs.read(root.resolve("README.md"))));
        for (Path page : Docs.pages()) {
            if (page.equals(root.resolve("README.md"))) continue;
            assertThat(linked).as("README.md links " + Docs.name(page)).contains(Docs.name(page));
        }
    }

    /** The link targets of a page, outside fenced code blocks and inline code. */
    static List<String> links(String markdown) {
        List<String> out = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) continue;
            Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    /** GitHub's heading anchors: lower case, punctuation dropped but for '-' and '_', spaces as '-'. */
    static Set<String> anchors(String markdown) {
        Set<String> out = new HashSet<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) fenced = !fenced;
            if (fenced || !line.matches("^#{1,6} .*")) continue;
            String text = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT);
            String slug = text.replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
            String unique = slug;
            for (int n = 1; out.contains(unique); n++) unique = slug + "-" + n;
            out.add(unique);
        }
        return out;
    }
}
