package dev.kumo.http.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of raw HTTP/1.1 requests that break the protocol in one way each: request lines, percent
 * escapes in path and query, headers, truncated bodies, chunked framing, and heads cut off by a half-close.
 */
public final class MalformedRequests {

    /** One raw request: what it breaks, its bytes, and whether the client half-closes after sending. */
    public record Case(String name, byte[] bytes, boolean halfClose) {

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return name + (halfClose ? " (half-closed)" : "") + ": "
                    + (text.length() > 200 ? text.substring(0, 200) + "…" : text).replace("\r\n", "⏎");
        }
    }

    private static final List<String> BAD_ESCAPES = List.of("%", "%z", "%G1", "%%", "%c3%28", "%ff%fe", "%00",
            "%2F", "%2e%2e", "%%41", "%4", "%e2%82", "%u0041", "+%+", "%0d%0a");
    private static final List<String> ODD_HEADERS = List.of("NoColon", "Bad Name: x", ": empty-name",
            " Leading: space", "X-Fold: a\r\n folded", "Content-Length: abc", "Content-Length: -1",
            "Content-Length: 1\r\nContent-Length: 2", "Transfer-Encoding: gzip", "Transfer-Encoding: chunked, chunked",
            "Expect: 100-continue", "Expect: nonsense", "Content-Type: \u00ff\u00fe", "X-Bin: \u0001\u0002\u007f",
            "Host: a\r\nHost: b", "X-Long: " + "v".repeat(9000), "Content-Encoding: gzip", "Connection: upgrade",
            "Upgrade: h2c", "Content-Type: application/json; charset=bogus", "Accept: \u00e9",
            "Authorization: Bearer", "Content-Type:", "X-Nul: a\u0000b");
    private static final List<String> BAD_CHUNKS = List.of("zz\r\nabc\r\n0\r\n\r\n", "-1\r\nabc\r\n0\r\n\r\n",
            "3\r\nabcdef\r\n0\r\n\r\n", "ffffffffffffffff\r\nab\r\n", "3;\u0000=\u0001\r\nabc\r\n0\r\n\r\n",
            "3\r\nabc0\r\n\r\n", "\r\n\r\n", "3\nabc\n0\n\n", "0x3\r\nabc\r\n0\r\n\r\n", "3\r\nabc\r\n0\r\nBad Trailer\r\n\r\n",
            "3 \r\nabc\r\n0\r\n\r\n", "1000000\r\n" + "x".repeat(100) + "\r\n");

    private final Random random;
    private final String host;
    private final List<String> paths;

    /** Requests to {@code paths} (each starting with '/') on {@code host}, drawn from {@code random}. */
    public MalformedRequests(Random random, String host, List<String> paths) {
        this.random = random;
        this.host = host;
        this.paths = paths;
    }

    /** The next case. */
    public Case next() {
        return switch (random.nextInt(9)) {
            case 0 -> new Case("garbage request line", bytes(garbage(1 + random.nextInt(80)) + "\r\n\r\n"), false);
            case 1 -> new Case("bad request line", bytes(badRequestLine() + "\r\nHost: " + host + "\r\n\r\n"), false);
            case 2 -> get("bad escape in path", path() + "/" + pick(BAD_ESCAPES) + word());
            case 3 -> get("bad escape in query", path() + "?" + word() + "=" + pick(BAD_ESCAPES)
                    + (random.nextBoolean() ? "&" + pick(BAD_ESCAPES) + "=1" : ""));
            case 4 -> new Case("odd header", bytes(method() + " " + path() + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + pick(ODD_HEADERS) + "\r\nContent-Length: 2\r\n\r\n{}"), random.nextInt(4) == 0);
            case 5 -> truncatedBody();
            case 6 -> new Case("bad chunking", bytes("POST " + path() + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + pick(BAD_CHUNKS)),
                    random.nextBoolean());
            case 7 -> {
                String head = "GET " + path() + " HTTP/1.1\r\nHost: " + host + "\r\nX-A: b\r\n";
                yield new Case("head cut off", bytes(head.substring(0, 1 + random.nextInt(head.length() - 1))), true);
            }
            default -> new Case("whole request, then half-close", bytes("GET " + path() + " HTTP/1.1\r\nHost: "
                    + host + "\r\n\r\n"), true);
        };
    }

    private Case get(String name, String target) {
        return new Case(name, bytes("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"),
                false);
    }

    private Case truncatedBody() {
        int declared = 10 + random.nextInt(1000);
        String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"t\"}}".repeat(20);
        return new Case("truncated body", bytes("POST " + path() + " HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n"
                + body.substring(0, random.nextInt(declared))), true);
    }

    private String badRequestLine() {
        return switch (random.nextInt(8)) {
            case 0 -> "G@T " + path() + " HTTP/1.1";
            case 1 -> "GET " + path() + " HTTP/9.9";
            case 2 -> "GET " + path();
            case 3 -> "GET  " + path() + "  HTTP/1.1";
            case 4 -> "get " + path() + " http/1.1";
            case 5 -> "GET " + path() + " " + garbage(5) + " HTTP/1.1";
            case 6 -> "X".repeat(5000) + " / HTTP/1.1";
            default -> "GET /" + garbage(20) + " HTTP/1.1";
        };
    }

    private String method() {
        return pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "BREW"));
    }

    private String path() {
        return pick(paths);
    }

    private String word() {
        return Integer.toString(random.nextInt(1000), 36);
    }

    private String garbage(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(256));
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
