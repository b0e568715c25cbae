package io.faketicdc;

/**
 * {@link RequestJournal#await} gave up: no matching request arrived in time. An
 * {@link AssertionError}, so test frameworks report it as a failed expectation.
 */
public final class RequestNotReceivedException extends AssertionError {
    private static final long serialVersionUID = 1L;

    public RequestNotReceivedException(String message) {
        super(message);
    }
}
