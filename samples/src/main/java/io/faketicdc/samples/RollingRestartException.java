package io.faketicdc.samples;

/** A rolling restart stopped before restarting the capture, or the restarted capture did not come back. */
public class RollingRestartException extends RuntimeException {
    public RollingRestartException(String message) {
        super(message);
    }
}
