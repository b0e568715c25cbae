package io.faketicdc.standalone.verify;

import java.util.List;

/** How one case went: passed, failed (with the line saying why) or skipped (the profile has no such behaviour). */
public record CaseResult(Case kase, Outcome outcome, String message, long millis, List<Exchange> transcript) {
    public enum Outcome { PASSED, FAILED, SKIPPED }

    /** The line the CLI prints for it. */
    public String line() {
        return switch (outcome) {
            case PASSED -> "PASS  " + kase.name();
            case FAILED -> "FAIL  " + kase.name() + ": " + message;
            case SKIPPED -> "SKIP  " + kase.name() + " (" + message + ")";
        };
    }
}
