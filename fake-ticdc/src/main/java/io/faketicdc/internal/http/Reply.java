package io.faketicdc.internal.http;

/** What the server shell sends for one request: the answer and how it goes onto the wire. */
public record Reply(ApiResponse response, Delivery delivery) {
    public Reply {
        if (delivery == null) delivery = Delivery.NORMAL;
    }

    public static Reply of(ApiResponse response) {
        return new Reply(response, Delivery.NORMAL);
    }
}
