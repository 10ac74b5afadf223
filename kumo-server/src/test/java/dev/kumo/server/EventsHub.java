package dev.kumo.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for Knative rekt's "eventshub" receiver on 127.0.0.1: records every binary-mode event,
 * fails the first N with 500 and {@link #FAILURE_BODY}, and then either accepts (202, no reply) or replies with the event, its data with a
 * suffix appended (as {@code ReplyWithAppendedData}).
 */
final class EventsHub implements AutoCloseable {

    /** One event as received: its ce-* attributes, content type and body. */
    record Event(String id, String type, String source, String contentType, String data,
            Map<String, List<String>> headers) {
    }

    /** What a failing hub answers with its 500. */
    static final String FAILURE_BODY = "failing as told";

    private final HttpServer server;
    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;
    private final String appended;

    private EventsHub(HttpServer server, int failFirst, String appended) {
        this.server = server;
        this.failuresLeft = new AtomicInteger(failFirst);
        this.appended = appended;
    }

    /** A receiver that accepts every event without a reply. */
    static EventsHub recorder() {
        return start(0, null);
    }

    /** A receiver that replies to every event with its data and {@code suffix} appended. */
    static EventsHub replyingWithAppendedData(String suffix) {
        return start(0, suffix);
    }

    /** A receiver failing the first {@code failures} events with 500, then accepting. */
    static EventsHub failing(int failures) {
        return start(failures, null);
    }

    private static EventsHub start(int failFirst, String appended) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            EventsHub hub = new EventsHub(server, failFirst, appended);
            server.createContext("/", hub::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return hub;
        } catch (IOException e) {
            throw new AssertionError("starting the events hub: " + e.getMessage(), e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    List<Event> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            var headers = exchange.getRequestHeaders();
            Event event = new Event(headers.getFirst("ce-id"), headers.getFirst("ce-type"),
                    headers.getFirst("ce-source"), headers.getFirst("Content-Type"),
                    new String(body.readAllBytes(), StandardCharsets.UTF_8), Map.copyOf(headers));
            received.add(event);
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                byte[] why = FAILURE_BODY.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(500, why.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(why);
                }
                return;
            }
            if (appended == null) {
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            headers.forEach((name, values) -> {
                if (name.toLowerCase().startsWith("ce-") || name.equalsIgnoreCase("Content-Type")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] reply = (event.data() + appended).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
