package io.faketicdc.internal.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The control API's OpenAPI description, read once from the jar. */
final class ControlOpenApi {
    private static volatile byte[] cached;

    private ControlOpenApi() { }

    static byte[] bytes() {
        byte[] b = cached;
        if (b == null) {
            try (InputStream in = ControlOpenApi.class.getResourceAsStream("/io/faketicdc/control-openapi.json")) {
                if (in == null) throw new IllegalStateException("control-openapi.json missing from the jar");
                cached = b = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }
}
