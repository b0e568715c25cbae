package io.faketicdc.scenario;

/** A scenario that cannot be read: the message names the source, line and field at fault. */
public final class ScenarioException extends IllegalArgumentException {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
