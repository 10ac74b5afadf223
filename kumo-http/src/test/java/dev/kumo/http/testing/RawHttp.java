package dev.kumo.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw-socket HTTP/1.1 client for tests that send what real clients never would: bytes as given, optionally
 * half-closed after sending, and one response read with a deadline — answered, closed without answer, or silent.
 */
public final class RawHttp {

    /** What came back: the status (-1 without one), the raw text, and how the exchange ended. */
    public record Result(int status, String text, Outcome outcome) {

        public boolean answered() {
            return status > 0;
        }

        @Override
        public String toString() {
            return outcome + " " + status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** How the exchange ended: a whole response, the server closed first, or the deadline passed. */
    public enum Outcome { RESPONSE, CLOSED, DEADLINE }

    private RawHttp() {
    }

    /** Sends {@code request} to 127.0.0.1:{@code port} and reads one response within {@code deadline}. */
    public static Result exchange(int port, byte[] request, Duration deadline, boolean halfClose) {
        long end = System.nanoTime() + deadline.toNanos();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Math.max(1, deadline.toMillis()));
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                // The server may answer and close before reading everything (413, 400): read what it said.
            }
            return read(socket, end);
        } catch (IOException e) {
            throw new IllegalStateException("connecting to 127.0.0.1:" + port + ": " + e, e);
        }
    }

    /** The same for text sent as ISO-8859-1 bytes. */
    public static Result exchange(int port, String request, Duration deadline, boolean halfClose) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), deadline, halfClose);
    }

    /**
     * Sends {@code bytes} to 127.0.0.1:{@code port} in one write and reads until the server closes: all it answered
     * (ISO-8859-1), or, when {@code deadline} passes first, a text saying so with what had come.
     */
    public static String untilClosed(int port, byte[] bytes, Duration deadline) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Math.max(1, deadline.toMillis()));
            socket.getOutputStream().write(bytes);
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(read);
                return read.toString(StandardCharsets.ISO_8859_1);
            } catch (SocketTimeoutException e) {
                return "no close within " + deadline + " after: " + read.toString(StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})");

    /** The statuses of the responses in {@code text}, space-separated. */
    public static String statuses(String text) {
        StringBuilder out = new StringBuilder();
        Matcher status = STATUS.matcher(text);
        while (status.find()) {
            out.append(out.isEmpty() ? "" : " ").append(status.group(1));
        }
        return out.toString();
    }

    /** Reads one response from an open socket until it is complete, the server closes, or {@code endNanos}. */
    public static Result read(Socket socket, long endNanos) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                long left = endNanos - System.nanoTime();
                if (left <= 0) {
                    return result(received, Outcome.DEADLINE);
                }
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    return result(received, Outcome.DEADLINE);
                }
                if (n < 0) {
                    return result(received, Outcome.CLOSED);
                }
                received.write(buffer, 0, n);
                if (complete(received.toString(StandardCharsets.ISO_8859_1))) {
                    return result(received, Outcome.RESPONSE);
                }
            }
        } catch (IOException e) {
            return result(received, Outcome.CLOSED); // reset by the server
        }
    }

    private static boolean complete(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
        if (head.matches("(?s)http/1\\.\\d 1\\d\\d.*")) {
            return complete(text.substring(headEnd + 4)); // an interim 100 Continue: wait for the real one
        }
        int length = head.indexOf("\ncontent-length:");
        if (length >= 0) {
            int lineEnd = head.indexOf('\r', length + 1);
            String value = head.substring(length + "\ncontent-length:".length(), lineEnd < 0 ? head.length() : lineEnd);
            return text.length() - headEnd - 4 >= Integer.parseInt(value.trim());
        }
        if (head.contains("\ntransfer-encoding: chunked")) {
            return text.endsWith("0\r\n\r\n");
        }
        return false; // delimited by close
    }

    private static Result result(ByteArrayOutputStream received, Outcome outcome) {
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int status = -1;
        String response = text;
        while (response.matches("(?s)HTTP/1\\.\\d 1\\d\\d .*") && response.contains("\r\n\r\n")) {
            response = response.substring(response.indexOf("\r\n\r\n") + 4);
        }
        if (response.matches("(?s)HTTP/\\d\\.\\d \\d\\d\\d.*")) {
            status = Integer.parseInt(response.substring(9, 12));
        }
        if (outcome == Outcome.CLOSED && status > 0 && response.contains("\r\n\r\n")) {
            outcome = Outcome.RESPONSE; // delimited by close
        }
        return new Result(status, text, outcome);
    }
}
