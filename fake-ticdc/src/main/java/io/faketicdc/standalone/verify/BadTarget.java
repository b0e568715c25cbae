package io.faketicdc.standalone.verify;

/** The target cannot be verified (unreachable, not a TiCDC server): one line for the user, exit status 2. */
public final class BadTarget extends RuntimeException {
    public BadTarget(String message) {
        super(message, null, false, false);
    }
}
