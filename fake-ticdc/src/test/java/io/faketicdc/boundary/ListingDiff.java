package io.faketicdc.boundary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The lines one listing has and the other lacks, for a failure message. */
public final class ListingDiff {
    private ListingDiff() { }

    public static String of(String expected, String actual) {
        Set<String> was = new LinkedHashSet<>(expected.lines().toList());
        Set<String> is = new LinkedHashSet<>(actual.lines().toList());
        List<String> out = new ArrayList<>();
        for (String l : was) if (!is.contains(l)) out.add("- " + l);
        for (String l : is) if (!was.contains(l)) out.add("+ " + l);
        if (out.isEmpty()) out.add("(same lines, different order or line endings)");
        return String.join("\n", out);
    }
}
