package io.faketicdc.internal.http;

import io.faketicdc.internal.json.GoJsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete answer: status, Content-Type (null for none), extra headers and body bytes. */
public record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT_UTF8 = "text/plain; charset=utf-8";
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    public static ApiResponse json(int status, GoJsonWriter w) {
        return new ApiResponse(status, JSON, Map.of(), w.toBytes());
    }

    public static ApiResponse json(int status, byte[] body) {
        return new ApiResponse(status, JSON, Map.of(), body);
    }

    /** gin's {@code c.JSON(200, &EmptyResponse{})}: exactly {@code {}}. */
    public static ApiResponse emptyObject() {
        return new ApiResponse(200, JSON, Map.of(), EMPTY_OBJECT);
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** Status only: no Content-Type, Content-Length 0 (v1's 202s, a recovered panic). */
    public static ApiResponse bare(int status) {
        return new ApiResponse(status, null, Map.of(), new byte[0]);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
