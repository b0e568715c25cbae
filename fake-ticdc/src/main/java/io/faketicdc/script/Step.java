package io.faketicdc.script;

/** An action and when it applies: the unit of scripts and scenario files. */
public record Step(Timing timing, Action action) {
    public Step {
        if (timing == null) timing = Timing.now();
        if (action == null) throw new IllegalArgumentException("action is required");
    }
}
