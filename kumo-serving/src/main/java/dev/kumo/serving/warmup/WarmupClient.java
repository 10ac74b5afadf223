package dev.kumo.serving.warmup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The warm-up's client: one HTTP/1.1 GET on a new connection to the router, as a user's first request; sent, then
 * read once the caller has let the instance start. Reads the head and a {@code Content-Length} body.
 */
final class WarmupClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;

    private WarmupClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects to {@code 127.0.0.1:port} and sends {@code GET /} for {@code host}. */
    static WarmupClient send(int port, String host) {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: kumo-warmup\r\n"
                    + "Accept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new WarmupClient(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("warm-up: sending a request to the router on port " + port, e);
        }
    }

    /** Reads the response; returns its status code. */
    int status() {
        try {
            InputStream in = socket.getInputStream();
            String head = head(in);
            int status = Integer.parseInt(head.substring(9, 12));
            long length = contentLength(head);
            for (long read = 0; read < length; read++) {
                if (in.read() < 0) {
                    break;
                }
            }
            return status;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("warm-up: reading the router's response: " + e, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed inside the response head");
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to do with it.
        }
    }
}
