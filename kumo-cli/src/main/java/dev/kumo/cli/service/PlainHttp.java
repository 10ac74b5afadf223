package dev.kumo.cli.service;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request over a plain socket, with {@code Connection: close}. A socket rather than the JDK client,
 * because the JDK client refuses to set {@code Host} unless a system property is set before it is first loaded,
 * which an in-process caller cannot promise.
 */
final class PlainHttp {

    /** A request: where to connect, the Host header to send, and what to send. */
    record Request(String connectHost, int port, String host, String method, String target, List<String> headers,
            byte[] body) {
    }

    /** The status code, reason and body of the response. */
    record Response(int code, String reason, byte[] body) {
    }

    private PlainHttp() {
    }

    static Response send(Request request, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(request.connectHost(), request.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head(request).getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body());
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static String head(Request request) {
        StringBuilder head = new StringBuilder(request.method() + " " + request.target() + " HTTP/1.1\r\n");
        head.append("Host: ").append(request.host()).append("\r\n");
        List<String> names = new ArrayList<>();
        for (String header : request.headers()) {
            head.append(header).append("\r\n");
            names.add(header.substring(0, Math.max(0, header.indexOf(':'))).trim().toLowerCase(Locale.ROOT));
        }
        if (!names.contains("user-agent")) {
            head.append("User-Agent: kumo\r\n");
        }
        if (request.body().length > 0 || !request.method().equals("GET")) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString();
    }

    static Response read(InputStream in) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + status);
        }
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? chunked(in) : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        return new Response(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size.isBlank()) {
                throw new IOException("the connection closed in the middle of the response body");
            }
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!line(in).isEmpty()) {
                    // trailers, ignored
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                break;
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
