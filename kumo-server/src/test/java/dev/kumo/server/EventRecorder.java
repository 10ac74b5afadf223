package dev.kumo.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP subscriber on 127.0.0.1 (the JDK's server) that records the binary-mode CloudEvents POSTed to it. */
final class EventRecorder implements AutoCloseable {

    /** One event as received: its ce-* headers and its body. */
    record Received(String id, String type, String source, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    private EventRecorder(HttpServer server) {
        this.server = server;
    }

    static EventRecorder start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            EventRecorder recorder = new EventRecorder(server);
            server.createContext("/", recorder::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return recorder;
        } catch (IOException e) {
            throw new AssertionError("starting the event recorder: " + e.getMessage(), e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<Received> received() {
        return received;
    }

    /** The distinct event ids received. */
    Set<String> ids() {
        return ids;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            Received event = new Received(headers.getFirst("ce-id"), headers.getFirst("ce-type"),
                    headers.getFirst("ce-source"), Map.copyOf(headers), text);
            received.add(event);
            if (event.id() != null) {
                ids.add(event.id());
            }
            exchange.sendResponseHeaders(202, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
