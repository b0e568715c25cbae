package io.faketicdc.internal.http;

import io.faketicdc.faults.Effect;

/**
 * What the server shell sends for one request: the answer, the connection effect to carry out
 * instead of a plain write (null: none; the shell knows reset, close, garbage, truncated body, slow
 * body and hang), what to do once the answer is written and flushed (null: nothing), or, instead
 * of all these, an answer that completes later (a wait that holds no thread).
 */
public record Reply(ApiResponse response, Effect wire, Runnable afterWrite, java.util.concurrent.CompletableFuture<ApiResponse> later) {

    public Reply(ApiResponse response, Effect wire) {
        this(response, wire, null, null);
    }

    public Reply(ApiResponse response, Effect wire, Runnable afterWrite) {
        this(response, wire, afterWrite, null);
    }

    public static Reply of(ApiResponse response) {
        return new Reply(response, null, null, null);
    }

    /** An answer that comes later; the shell holds no thread meanwhile. */
    public static Reply later(java.util.concurrent.CompletableFuture<ApiResponse> answer) {
        return new Reply(null, null, null, answer);
    }
}
