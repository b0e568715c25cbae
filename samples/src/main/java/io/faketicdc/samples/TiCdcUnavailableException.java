package io.faketicdc.samples;

/** TiCDC kept answering with transient failures (503, etcd timeouts, no owner, resets, timeouts) until the retry timeout. */
public class TiCdcUnavailableException extends RuntimeException {
    private final int attempts;

    public TiCdcUnavailableException(String request, int attempts, String lastFailure, Throwable cause) {
        super(request + ": still failing after " + attempts + " attempts, last: " + lastFailure, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
