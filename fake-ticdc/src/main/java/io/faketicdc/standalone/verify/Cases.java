package io.faketicdc.standalone.verify;

import java.util.ArrayList;
import java.util.List;

/** The whole library, in the order a run goes through it: reads first, then changes, then the disruptive ones. */
public final class Cases {
    private Cases() { }

    public static List<Case> all() {
        List<Case> all = new ArrayList<>();
        all.addAll(StatusCases.list());
        all.addAll(ErrorCases.list());
        all.addAll(LifecycleCases.list());
        all.addAll(ProcessorCases.list());
        all.addAll(V1Cases.list());
        all.addAll(NewArchReadCases.all());
        all.sort(java.util.Comparator.comparing(Case::kind)); // stable: keeps each group's order
        return List.copyOf(all);
    }
}
