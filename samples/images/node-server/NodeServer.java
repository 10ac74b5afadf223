import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The bookstore sample's node-server as far as Kumo can run it (its index.js at knative/docs de125bfad88b), on port
 * 8000 ({@code $PORT} if set):
 * <ul>
 * <li>{@code POST /add} takes a binary-mode CloudEvent; one of type {@code new-review-comment} is forwarded to
 * {@code $K_SINK} (set by the SinkBinding) with type {@code new-review-comment}, source {@code bookstore-eda}, the
 * same id and its data, answering 200, or 500 if the sink refused it; any other type is a 400.</li>
 * <li>{@code POST /insert} writes to the PostgreSQL database of the bookstore's db-service, which is not here: a
 * 500, as the original answers when its database is unreachable.</li>
 * <li>{@code GET /} answers "Hello, world!". The WebSocket {@code /comments} (read from the database) is not served.
 * </li>
 * </ul>
 */
public class NodeServer {
    public static void main(String[] args) throws IOException {
        String port = System.getenv().getOrDefault("PORT", "8000");
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(port)), 128);
        server.createContext("/", exchange -> {
            try (exchange) {
                route(exchange);
            }
        });
        server.start();
        System.out.println("Server listening at http://localhost:" + port);
    }

    private static void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("POST") && path.equals("/add")) {
            add(exchange, body);
        } else if (method.equals("POST") && path.equals("/insert")) {
            System.err.println("Error processing request: no database at postgresql.default.svc.cluster.local:5432"
                    + " (the bookstore's db-service is not part of this sample)");
            answer(exchange, 500, "{\"error\":\"Internal server error\"}");
        } else if (method.equals("GET") && path.equals("/")) {
            answer(exchange, 200, "Hello, world!");
        } else {
            answer(exchange, 404, "Cannot " + method + " " + path);
        }
    }

    /** index.js's /add: forwards a new-review-comment event to the broker the SinkBinding names in K_SINK. */
    private static void add(HttpExchange exchange, byte[] body) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("ce-type");
        String id = exchange.getRequestHeaders().getFirst("ce-id");
        if (type == null || id == null || exchange.getRequestHeaders().getFirst("ce-specversion") == null) {
            System.err.println("Error processing request: not a binary-mode CloudEvent (ce-specversion, ce-type, ce-id)");
            answer(exchange, 500, "{\"error\":\"Internal server error\"}");
            return;
        }
        if (!type.equals("new-review-comment")) {
            System.err.println("Unexpected event type: " + type);
            answer(exchange, 400, "{\"error\":\"Unexpected event type\"}");
            return;
        }
        int status;
        try {
            HttpURLConnection post = (HttpURLConnection) URI.create(System.getenv("K_SINK")).toURL().openConnection();
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            post.setRequestProperty("Content-Type", "application/json");
            post.setRequestProperty("ce-specversion", "1.0");
            post.setRequestProperty("ce-type", "new-review-comment");
            post.setRequestProperty("ce-source", "bookstore-eda");
            post.setRequestProperty("ce-id", id);
            try (OutputStream out = post.getOutputStream()) {
                out.write(body);
            }
            status = post.getResponseCode();
            try (InputStream in = status < 400 ? post.getInputStream() : post.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Error processing request: " + e);
            answer(exchange, 500, "{\"error\":\"Internal server error\"}");
            return;
        }
        if (status / 100 != 2) {
            System.err.println("Failed to forward event: " + id + " (K_SINK answered " + status + ")");
            answer(exchange, 500, "{\"error\":\"Failed to forward event\"}");
            return;
        }
        System.out.println("Event forwarded successfully: " + id + " " + new String(body, StandardCharsets.UTF_8));
        answer(exchange, 200, "{\"success\":true,\"message\":\"Event forwarded successfully\"}");
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                text.startsWith("{") ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
