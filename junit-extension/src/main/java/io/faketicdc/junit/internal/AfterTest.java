package io.faketicdc.junit.internal;

import io.faketicdc.RecordedRequest;
import io.faketicdc.RequestJournal;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What happens to a test's fake when the test is over, before the fake is closed or reset: the
 * request policy is checked (failing the test, even one that passed), and a failed test gets its
 * journal published.
 */
public final class AfterTest {
    private AfterTest() { }

    /** Called from {@code afterEach}: after the test and its {@code @AfterEach} methods. */
    public static void run(ExtensionContext context, ManagedFake managed) {
        RequestJournal journal = managed.fake().requests();
        RequestPolicy policy = managed.policy();
        List<RecordedRequest> violations = policy.violations(journal);
        if (violations.isEmpty() && context.getExecutionException().isEmpty()) return;
        FailureReport.publish(context, journal, managed.fake());
        if (!violations.isEmpty()) throw new AssertionError(policy.failureMessage(violations, journal));
    }
}
