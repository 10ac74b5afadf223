package dev.kumo.cli.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request over a socket (TLS for {@code https}, the JDK's default trust), with {@code Connection:
 * close}. A socket rather than the JDK client, because the JDK client refuses to set {@code Host} unless a system
 * property is set before it is first loaded, which an in-process caller cannot promise; and the router routes by
 * {@code Host}: a URL on {@code *.localhost} is sent to 127.0.0.1 with the URL's host in {@code Host}.
 */
public final class PlainHttp {

    /** A request for {@code url}; {@code headers} are {@code "Name: value"} lines. */
    public record Request(URI url, String method, List<String> headers, byte[] body) {

        public Request {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("cannot send to '" + url + "': want an http(s):// URL");
            }
            headers = List.copyOf(headers);
        }

        /** The {@code Host} header: the URL's host, with its port when the URL names one. */
        public String host() {
            return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
        }

        /** Where to connect: 127.0.0.1 for {@code *.localhost} (as curl and browsers resolve it), else the host. */
        public String connectHost() {
            return url.getHost().endsWith(".localhost") ? "127.0.0.1" : url.getHost();
        }

        public int port() {
            return url.getPort() >= 0 ? url.getPort() : tls() ? 443 : 80;
        }

        /** The request target: the URL's path and query, {@code /} when it has no path. */
        public String target() {
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        }

        boolean tls() {
            return "https".equals(url.getScheme());
        }
    }

    /** The status code, reason, headers (names in lower case, in arrival order) and body of the response. */
    public record Response(int code, String reason, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header, by case-insensitive name. */
        public Optional<String> header(String name) {
            List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    private PlainHttp() {
    }

    public static Response send(Request request, Duration timeout) throws IOException {
        try (Socket socket = connect(request, (int) timeout.toMillis())) {
            OutputStream out = socket.getOutputStream();
            out.write(head(request).getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body());
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static Socket connect(Request request, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(request.connectHost(), request.port()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            if (!request.tls()) {
                return socket;
            }
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, request.url().getHost(), request.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
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

    /** Reads one response: by Content-Length, chunks, or until the connection closes. */
    public static Response read(InputStream in) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + status);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = (colon < 0 ? header : header.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(colon < 0 ? "" : header.substring(colon + 1)
                    .trim());
        }
        Response head = new Response(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", headers,
                new byte[0]);
        boolean chunked = head.header("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
                .orElse(false);
        long length = head.header("content-length").map(Long::parseLong).orElse(-1L);
        byte[] body = chunked ? chunked(in) : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        return new Response(head.code(), head.reason(), headers, body);
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
