package io.faketicdc.internal.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers itself, for a request it cannot parse (a bad escape, an encoded NUL, a
 * header too large), written the way Go's net/http writes those answers: a plain-text body that is
 * the status and its reason, {@code Connection: close}, no HTML, no cache headers (go
 * src/net/http/server.go, conn.serve). Only the status line's protocol version stays Jetty's.
 */
final class GoErrorPages extends ErrorHandler {

    @Override
    protected void generateCacheControl(Response response) {
        // Go sends none
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        byte[] body = (code + " " + HttpStatus.getMessage(code)).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
