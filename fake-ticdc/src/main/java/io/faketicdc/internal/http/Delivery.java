package io.faketicdc.internal.http;

import java.time.Duration;

/**
 * How an answer goes onto the wire: normally, or broken on purpose (fault injection). The server
 * shell carries these out on the connection itself.
 */
public sealed interface Delivery {
    /** The whole response, at once. */
    Delivery NORMAL = new Normal();

    record Normal() implements Delivery { }

    /** The response's bytes trickled over a span, flushed in chunks. */
    record Slow(Duration over, int chunks) implements Delivery { }

    /** Status, headers and the full Content-Length, then half the body, then the connection closes. */
    record Truncated() implements Delivery { }

    /** These bytes instead of a response, then the connection closes. */
    record Garbage(byte[] bytes) implements Delivery { }

    /** No response: the connection is reset (RST). */
    record Reset() implements Delivery { }

    /** No response: the connection is closed (FIN). */
    record Close() implements Delivery { }

    /** No response until the client gives up or the fake closes. */
    record Hang() implements Delivery { }

    /** Whether a status line reaches the client. */
    default boolean answers() {
        return this instanceof Normal || this instanceof Slow || this instanceof Truncated;
    }
}
