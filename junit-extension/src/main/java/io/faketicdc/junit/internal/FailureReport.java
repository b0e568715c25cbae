package io.faketicdc.junit.internal;

import io.faketicdc.RequestJournal;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Publishes a fake's request journal when its test fails, so the failure explains itself: as a
 * JUnit report entry (IDEs, build reports, {@code TestExecutionListener}s) and on standard error.
 */
public final class FailureReport {
    /** The report entry's key. */
    public static final String KEY = "fake-ticdc requests";

    private FailureReport() { }

    /** Publishes {@code journal.describe()} for the test of {@code context}. */
    public static void publish(ExtensionContext context, RequestJournal journal) {
        String requests = journal.describe();
        context.publishReportEntry(KEY, requests);
        String test = context.getTestClass().map(c -> c.getSimpleName() + " > ").orElse("") + context.getDisplayName();
        System.err.println(KEY + " of " + test + ":\n" + requests);
    }
}
