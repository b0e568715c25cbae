package io.faketicdc.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * A request's parts as the engine reads them ({@link HttpHost} makes its {@code ApiRequest} of
 * them): the path as Go's URL parser decodes it, the headers, the body.
 */
final class RequestReading {
    private RequestReading() { }

    private static final byte[] NO_BODY = new byte[0];
    private static final int PRESIZED_LIMIT = 64 * 1024;

    /**
     * The request body. Without Content-Length or Transfer-Encoding an HTTP/1.1 request has none
     * (nothing to read, no buffer); a small declared length is read into an exact array. A body cut
     * off (the client closed, a chunk never ended) is what arrived: Go's JSON decoder then answers
     * {@code unexpected EOF} as it does for the real server.
     */
    static byte[] body(Request req) {
        HttpFields fields = req.getHeaders();
        long declared = fields.getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared == 0 || declared < 0 && !fields.contains(HttpHeader.TRANSFER_ENCODING)) return NO_BODY;
        java.io.InputStream in = Request.asInputStream(req);
        if (declared > 0 && declared <= PRESIZED_LIMIT) {
            byte[] body = new byte[(int) declared];
            int n = readUpTo(in, body);
            if (n == 0) return NO_BODY;
            return n == body.length ? body : java.util.Arrays.copyOf(body, n);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[8192];
        int n;
        while ((n = readUpTo(in, chunk)) > 0) {
            out.write(chunk, 0, n);
            if (n < chunk.length) break;
        }
        return out.toByteArray();
    }

    /** Fills {@code buf} as far as the stream goes; a body cut off ends the read like its end would. */
    private static int readUpTo(java.io.InputStream in, byte[] buf) {
        int n = 0;
        try {
            while (n < buf.length) {
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) break;
                n += r;
            }
        } catch (IOException cutOff) {
            // the client went away or sent a broken chunk: what arrived is the body
        }
        return n;
    }

    /** Whether every '%' of a raw path starts a two-hex-digit escape (Go's url.ParseRequestURI). */
    static boolean validEscapes(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 3)) {
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The request's headers as the servlet API listed them: one entry per name, whatever its case,
     * spelled as it first came, with every value of that name in order.
     */
    static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField f : fields) {
            List<String> values = headers.get(f.getName());
            if (values == null) values = sameNameIgnoringCase(headers, f.getName());
            if (values == null) {
                values = new ArrayList<>(1);
                headers.put(f.getName(), values);
            }
            if (f.getValue() != null) values.add(f.getValue());
        }
        return headers;
    }

    private static List<String> sameNameIgnoringCase(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** Percent-decodes the request path as Go's URL.Path ('+' stays '+'). */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0 && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
