package dev.kumo.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A real HTTP receiver on 127.0.0.1 that records every request as it arrived and answers as the test says. */
public final class EventReceiver implements AutoCloseable {

    /** A request: method, path, headers (names in lower case) and body. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header. */
        public String header(String name) {
            return headers.getOrDefault(name, List.of("")).getFirst();
        }
    }

    /** An answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer accepted() {
            return new Answer(202, Map.of(), "");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers = got -> Answer.accepted();

    private EventReceiver(HttpServer server) {
        this.server = server;
    }

    public static EventReceiver start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            EventReceiver receiver = new EventReceiver(http);
            http.createContext("/", receiver::handle);
            http.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Answers every later request with what {@code next} says. */
    public void answer(Function<Received, Answer> next) {
        this.answers = next;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    List.copyOf(values)));
            Received got = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
                    exchange.getRequestBody().readAllBytes());
            received.add(got);
            Answer answer = answers.apply(got);
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] body = answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
