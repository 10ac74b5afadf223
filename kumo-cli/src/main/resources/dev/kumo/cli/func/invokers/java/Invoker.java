package kumo.func;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Kumo's invoker for a Java function: serves the class named by the first argument (a
 * {@code Function<HttpRequest, HttpResponse>} or {@code Function<CloudEvent, CloudEvent>}) on $PORT with the JDK's
 * HTTP server. Usage: {@code java -cp classes kumo.func.Invoker Handler http|cloudevents NAME}. CloudEvents come in
 * binary or structured mode; the reply goes out in binary mode.
 */
public final class Invoker {

    private final Function<Object, Object> function;
    private final boolean events;
    private final String name;

    private Invoker(Function<Object, Object> function, boolean events, String name) {
        this.function = function;
        this.events = events;
        this.name = name;
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        String className = args.length > 0 ? args[0] : "Handler";
        String template = args.length > 1 ? args[1] : "http";
        String name = args.length > 2 ? args[2] : "function";
        Object handler = Class.forName(className).getDeclaredConstructor().newInstance();
        Invoker invoker = new Invoker((Function<Object, Object>) handler, template.equals("cloudevents"), name);
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(
                System.getenv().getOrDefault("KUMO_LISTEN_HOST", "127.0.0.1"), port), 128);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", invoker::answer);
        server.start();
        System.out.println(name + " (" + template + ") listening on " + port);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT),
                    String.join(",", values)));
            int status;
            byte[] out;
            try {
                if (events) {
                    CloudEvent reply = (CloudEvent) function.apply(eventIn(headers, body));
                    if (reply == null) {
                        exchange.sendResponseHeaders(202, -1);
                        return;
                    }
                    out = eventOut(reply, exchange);
                    status = 200;
                } else {
                    String query = exchange.getRequestURI().getRawQuery();
                    HttpResponse reply = (HttpResponse) function.apply(new HttpRequest(exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(), query == null ? "" : query, headers, body));
                    reply.headers().forEach((key, value) -> exchange.getResponseHeaders().set(key, value));
                    out = reply.body().getBytes(StandardCharsets.UTF_8);
                    status = reply.status();
                }
            } catch (RuntimeException e) {
                e.printStackTrace();
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                out = "function failed\n".getBytes(StandardCharsets.UTF_8);
                status = 500;
            }
            exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private static CloudEvent eventIn(Map<String, String> headers, String body) {
        String contentType = headers.getOrDefault("content-type", "");
        Map<String, String> attributes = new LinkedHashMap<>();
        String data;
        if (contentType.startsWith("application/cloudevents+json")) {
            Map<String, String> fields = new Json(body).object();
            fields.forEach((key, raw) -> attributes.put(key, raw.startsWith("\"") ? new Json(raw).string() : raw));
            data = fields.containsKey("data_base64")
                    ? new String(java.util.Base64.getDecoder().decode(attributes.remove("data_base64")),
                            StandardCharsets.UTF_8)
                    : dataText(fields.get("data"));
            attributes.remove("data");
        } else {
            headers.forEach((key, value) -> {
                if (key.startsWith("ce-")) {
                    attributes.put(key.substring(3), value);
                }
            });
            if (!contentType.isEmpty()) {
                attributes.put("datacontenttype", contentType);
            }
            data = body;
        }
        String id = orEmpty(attributes.remove("id"));
        String source = orEmpty(attributes.remove("source"));
        String type = orEmpty(attributes.remove("type"));
        String dataContentType = orEmpty(attributes.remove("datacontenttype"));
        String subject = orEmpty(attributes.remove("subject"));
        attributes.remove("specversion");
        return new CloudEvent(id, source, type, dataContentType, subject, data, attributes);
    }

    /** A structured event's data: a JSON string's text, any other JSON value as its JSON text. */
    private static String dataText(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.startsWith("\"") ? new Json(raw).string() : raw;
    }

    private byte[] eventOut(CloudEvent reply, HttpExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.set("ce-specversion", "1.0");
        headers.set("ce-id", reply.id().isEmpty() ? UUID.randomUUID().toString() : reply.id());
        headers.set("ce-source", reply.source().isEmpty() ? "/kumo/func/" + name : reply.source());
        headers.set("ce-type", reply.type());
        if (!reply.subject().isEmpty()) {
            headers.set("ce-subject", reply.subject());
        }
        reply.extensions().forEach((key, value) -> headers.set("ce-" + key, value));
        if (!reply.dataContentType().isEmpty()) {
            headers.set("Content-Type", reply.dataContentType());
        }
        return reply.data().getBytes(StandardCharsets.UTF_8);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Just enough JSON for a structured CloudEvent: an object's members as raw JSON text, and string values. */
    private static final class Json {

        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Map<String, String> object() {
            Map<String, String> members = new LinkedHashMap<>();
            expect('{');
            if (peek() == '}') {
                at++;
                return members;
            }
            do {
                String key = string();
                expect(':');
                skipSpace();
                int start = at;
                skipValue();
                members.put(key, text.substring(start, at));
            } while (next() == ',');
            return members;
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
            return out.toString();
        }

        private void skipValue() {
            char c = peek();
            if (c == '"') {
                string();
            } else if (c == '{' || c == '[') {
                int depth = 0;
                do {
                    char d = text.charAt(at);
                    if (d == '"') {
                        string();
                        continue;
                    }
                    depth += d == '{' || d == '[' ? 1 : d == '}' || d == ']' ? -1 : 0;
                    at++;
                } while (depth > 0);
            } else {
                while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
                    at++;
                }
            }
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("malformed JSON at " + (at - 1) + ": expected " + c);
            }
        }

        private char next() {
            skipSpace();
            return text.charAt(at++);
        }

        private char peek() {
            skipSpace();
            return text.charAt(at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
