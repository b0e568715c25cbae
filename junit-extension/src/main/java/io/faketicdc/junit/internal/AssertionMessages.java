package io.faketicdc.junit.internal;

import io.faketicdc.RecordedRequest;
import io.faketicdc.RequestJournal;
import java.util.List;
import java.util.function.Predicate;

/** Pieces of the assertions' failure messages. */
public final class AssertionMessages {
    private AssertionMessages() { }

    /** The message, then every request the fake received. */
    public static String withJournal(String message, RequestJournal journal) {
        return message + "\nfake-ticdc requests:\n" + journal.describe();
    }

    /** {@code ":"} and one indented line per request, or {@code ""} for none. */
    public static String list(List<RecordedRequest> requests) {
        StringBuilder b = new StringBuilder(requests.isEmpty() ? "" : ":");
        for (RecordedRequest r : requests) b.append("\n  ").append(r.describe());
        return b.toString();
    }

    /** One indented, numbered line per expected request. */
    public static String numbered(Predicate<?>[] requests) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < requests.length; i++) b.append("\n  ").append(i + 1).append(". ").append(requests[i]);
        return b.toString();
    }
}
