package io.faketicdc.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A load generator's HTTP/1.1 client, as lean as wrk's: one keep-alive socket (TCP_NODELAY),
 * requests written as prepared bytes, responses read just far enough to find their end
 * (Content-Length or chunked). It reconnects when the server closes. Not thread-safe.
 */
final class RawClient implements AutoCloseable {
    private final int port;
    private final byte[] line = new byte[8192];
    private final byte[] skip = new byte[16384];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawClient(int port) {
        this.port = port;
    }

    /** A GET with no body. */
    static byte[] get(int port, String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A POST with a JSON body (empty for none). */
    static byte[] post(int port, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Sends one request and reads the whole response; returns its status. */
    int send(byte[] request) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (socket == null) connect();
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                if (attempt > 0) throw e;
            }
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        in = new BufferedInputStream(socket.getInputStream(), 65536);
        out = socket.getOutputStream();
    }

    private int readResponse() throws IOException {
        String status = readLine();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h; !(h = readLine()).isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon < 0) continue;
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
            else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.equalsIgnoreCase("chunked");
            else if (name.equalsIgnoreCase("Connection")) close = value.equalsIgnoreCase("close");
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(readLine().split(";")[0].trim(), 16)) > 0; ) {
                skipBytes(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skipBytes(length);
        }
        if (close) close();
        return code;
    }

    private void skipBytes(long n) throws IOException {
        while (n > 0) {
            int r = in.read(skip, 0, (int) Math.min(skip.length, n));
            if (r < 0) throw new IOException("connection closed in a body");
            n -= r;
        }
    }

    private String readLine() throws IOException {
        int n = 0;
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) throw new IOException("connection closed");
            if (b != '\r' && n < line.length) line[n++] = (byte) b;
        }
        return new String(line, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // gone either way
            }
        }
        socket = null;
    }
}
