package io.faketicdc.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny HTTP/1.1 client over a raw socket, so tests see exactly the bytes the fake sends (status
 * line, every header, body) and can send exactly the bytes a curl command sends.
 */
public final class Http {
    private Http() { }

    public record Response(int status, Map<String, String> headers, byte[] bodyBytes) {
        public String body() {
            return new String(bodyBytes, StandardCharsets.UTF_8);
        }

        /** A header by case-insensitive name, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body();
        }
    }

    public static Response send(int port, String method, String target, String body, String... headers) {
        return sendBytes(port, method, target, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends the body bytes as they are (any bytes, not only UTF-8 text). */
    public static Response sendBytes(int port, String method, String target, byte[] body, String... headers) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(15_000);
            StringBuilder req = new StringBuilder();
            req.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            req.append("Host: 127.0.0.1:").append(port).append("\r\n");
            boolean hasLength = false;
            for (String h : headers) {
                req.append(h).append("\r\n");
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:")) hasLength = true;
            }
            byte[] payload = body == null ? new byte[0] : body;
            if (body != null && !hasLength) req.append("Content-Length: ").append(payload.length).append("\r\n");
            req.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(payload);
            out.flush();
            return read(s.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int headerEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String head = new String(all, 0, headerEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, headerEnd + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) rest = dechunk(rest);
        return new Response(status, headers, rest);
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (true) {
            int eol = indexOf(java.util.Arrays.copyOfRange(in, pos, in.length), "\r\n".getBytes(StandardCharsets.US_ASCII)) + pos;
            int size = Integer.parseInt(new String(in, pos, eol - pos, StandardCharsets.US_ASCII).trim(), 16);
            if (size == 0) return out.toByteArray();
            out.write(in, eol + 2, size);
            pos = eol + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        throw new IllegalStateException("no header end in response: " + new String(hay, StandardCharsets.ISO_8859_1));
    }
}
