package io.faketicdc.internal.control;

/**
 * JSON input the fake cannot use, from a scenario file or a control request body. The message is
 * the one users see, {@code source:line: field: problem}; {@code Scenario.parse} passes it on
 * unchanged as a {@code ScenarioException}, and the control API answers it with a 400.
 */
public final class InputException extends IllegalArgumentException {
    InputException(String message) {
        super(message);
    }

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
