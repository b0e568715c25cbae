package io.faketicdc.standalone.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which cases run: {@code --only} tokens (a tag such as {@code read-only}, {@code lifecycle},
 * {@code v1}, or words of a case's name; a case runs if it matches any token) and whether the
 * disruptive ones may run at all.
 */
public record Selection(List<String> only, boolean includeDisruptive) {
    public static Selection all() {
        return new Selection(List.of(), false);
    }

    /** The cases selected from {@code cases}; a token that selects nothing is an error naming it. */
    public List<Case> apply(List<Case> cases) {
        for (String token : only) {
            if (cases.stream().noneMatch(c -> matches(c, token))) {
                throw new IllegalArgumentException("--only: no case matches '" + token + "' (tags: " + String.join(", ", tags(cases)) + ")");
            }
        }
        List<Case> out = new ArrayList<>();
        for (Case c : cases) {
            if (c.kind() == Case.Kind.DISRUPTIVE && !includeDisruptive) continue;
            if (only.isEmpty() || only.stream().anyMatch(t -> matches(c, t))) out.add(c);
        }
        return out;
    }

    private static boolean matches(Case c, String token) {
        String t = token.strip().toLowerCase(Locale.ROOT);
        return c.tags().contains(t) || c.name().toLowerCase(Locale.ROOT).contains(t);
    }

    static List<String> tags(List<Case> cases) {
        return cases.stream().flatMap(c -> c.tags().stream()).distinct().sorted().toList();
    }
}
