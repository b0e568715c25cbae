package io.faketicdc.internal.http;

/**
 * Where the real handler would panic (e.g. dereferencing a nil config from a {@code null} body):
 * gin's recovery answers a bare 500 with an empty body.
 */
public final class HandlerPanic extends RuntimeException {
    public HandlerPanic(String why) {
        super(why, null, false, false);
    }
}
