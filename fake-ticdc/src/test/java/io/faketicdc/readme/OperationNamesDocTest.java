package io.faketicdc.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.faketicdc.Profile;
import io.faketicdc.internal.http.Route;
import io.faketicdc.internal.routes.ApiRoutes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The operation names table of docs/fidelity.md (between {@code <!-- operations -->} and
 * {@code <!-- /operations -->}) is exactly the routes the router registers for each profile: the
 * names fault rules match and the journal records cannot drift from the docs. On a mismatch the
 * message holds the table to paste.
 */
class OperationNamesDocTest {
    private static final String OPEN = "<!-- operations -->\n";
    private static final String CLOSE = "<!-- /operations -->";

    static String expectedTable() {
        // operation -> "METHOD path" -> profiles serving it
        Map<String, Map<String, List<String>>> ops = new TreeMap<>();
        for (Profile p : Profile.values()) {
            for (Route r : ApiRoutes.of(p).routes()) {
                ops.computeIfAbsent(r.operation(), k -> new TreeMap<>())
                        .computeIfAbsent(r.method() + " `" + r.pattern() + "`", k -> new ArrayList<>())
                        .add(profileName(p));
            }
        }
        StringBuilder b = new StringBuilder("| operation | route | profiles |\n| --- | --- | --- |\n");
        int all = Profile.values().length;
        ops.forEach((op, routes) -> routes.forEach((route, profiles) -> b.append("| `").append(op).append("` | ")
                .append(route).append(" | ").append(profiles.size() == all ? "all" : String.join(", ", profiles))
                .append(" |\n")));
        return b.toString();
    }

    private static String profileName(Profile p) {
        return switch (p) {
            case MASTER -> "master";
            case V7_3 -> "v7.3";
            case NEWARCH -> "newarch";
        };
    }

    @Test
    void theDocsListEveryOperationTheRouterRegisters() {
        String page = Docs.read(Docs.root().resolve("docs/fidelity.md"));
        int open = page.indexOf(OPEN);
        int close = page.indexOf(CLOSE);
        assertThat(open).as("docs/fidelity.md has " + OPEN.strip()).isNotNegative();
        assertThat(close).as("docs/fidelity.md has " + CLOSE).isGreaterThan(open);
        String shown = page.substring(open + OPEN.length(), close).strip() + "\n";
        String expected = expectedTable();
        assertThat(shown).as("the operation table of docs/fidelity.md; the table generated from the routes:\n" + expected)
                .isEqualTo(expected);
    }
}
