package io.faketicdc.junit.internal;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What happens to a test's fake when the test is over, before the fake is closed or reset: a
 * failed test gets its journal published.
 */
public final class AfterTest {
    private AfterTest() { }

    /** Called from {@code afterEach}: after the test and its {@code @AfterEach} methods. */
    public static void run(ExtensionContext context, ManagedFake managed) {
        if (context.getExecutionException().isPresent()) FailureReport.publish(context, managed.fake().requests());
    }
}
