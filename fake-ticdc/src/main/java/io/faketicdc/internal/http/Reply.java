package io.faketicdc.internal.http;

import io.faketicdc.faults.Effect;

/**
 * What the server shell sends for one request: the answer, the connection effect to carry out
 * instead of a plain write (null: none; the shell knows reset, close, garbage, truncated body, slow
 * body and hang), and what to do once the answer is written and flushed (null: nothing).
 */
public record Reply(ApiResponse response, Effect wire, Runnable afterWrite) {

    public Reply(ApiResponse response, Effect wire) {
        this(response, wire, null);
    }

    public static Reply of(ApiResponse response) {
        return new Reply(response, null, null);
    }
}
