package dev.kumo.eventing.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte on its own connection (so duplicate headers, raw UTF-8 and Latin-1 bytes
 * go out exactly as generated), and the status it got — or {@link #UNANSWERED} when none came within the timeout.
 */
final class RawHttp {

    static final int UNANSWERED = -1;

    private RawHttp() {
    }

    /** A request: header lines as raw bytes (name and value as ISO-8859-1 strings, one char per byte), and a body. */
    record Request(String path, java.util.List<Map.Entry<String, String>> headers, byte[] body) {
        @Override
        public String toString() {
            return headers + " " + new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    static int send(int port, Request request, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(("POST " + request.path() + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\nContent-Length: " + request.body().length + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, String> header : request.headers()) {
                head.writeBytes((header.getKey() + ": " + header.getValue() + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toByteArray());
                out.write(request.body());
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading all we send (a 413): its answer still counts.
            }
            return status(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return UNANSWERED;
        } catch (IOException e) {
            throw new IllegalStateException("talking to the ingress: " + e, e);
        }
    }

    /** The status code of the first line, reading the rest of the answer until the server closes. */
    private static int status(InputStream in) throws IOException {
        byte[] answer = in.readAllBytes();
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
            return UNANSWERED;
        }
        return Integer.parseInt(text.substring(9, 12));
    }
}
