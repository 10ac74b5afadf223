package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kumo.eventing.api.DeliveryEngine;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The delivery client over real sockets, on either engine: every reply keeps its body whichever thread sends — a Trigger's pump (a
 * virtual thread), the log's writer (a platform thread), an event loop, a worker. Before the body was asked for ahead
 * of ending the request, a fast subscriber's reply body could arrive first and be dropped on a send from a thread that
 * is not the request's event loop: the reply became an event without data (2 of 15,000 here, in 2 of 3 runs).
 */
class SubscriberClientIT {

    private static final int ROUNDS = 300;
    private static final int IN_FLIGHT = 100;

    @ParameterizedTest
    @EnumSource(DeliveryEngine.class)
    void everyReplyKeepsItsBodyWhicheverThreadSends(DeliveryEngine engine) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", SubscriberClientIT::replyWithAppendedData);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        SubscriberClient client = new SubscriberClient(vertx, IN_FLIGHT, engine);
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        List<String> wrong = new ArrayList<>();
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
                ExecutorService platform = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                List<CompletableFuture<Outcome>> sent = new ArrayList<>();
                for (int i = 0; i < IN_FLIGHT; i++) {
                    CloudEvent event = event("e-" + round + "-" + i);
                    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
                    Runnable send = () -> client.send(uri, event, Duration.ofSeconds(30), true)
                            .onComplete(ar -> outcome.complete(ar.result()));
                    switch (i % 4) {
                        case 0 -> virtual.execute(send);
                        case 1 -> platform.execute(send);
                        case 2 -> vertx.getOrCreateContext().runOnContext(v -> send.run());
                        default -> vertx.executeBlocking(() -> {
                            send.run();
                            return null;
                        }, false);
                    }
                    sent.add(outcome);
                }
                for (int i = 0; i < IN_FLIGHT; i++) {
                    String want = "e-" + round + "-" + i + "-r";
                    Outcome outcome = sent.get(i).get(60, TimeUnit.SECONDS);
                    if (!want.equals(replyData(outcome))) {
                        wrong.add(want + " got " + outcome);
                    }
                }
            }
        } finally {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            server.stop(0);
        }
        assertThat(wrong).as("replies that lost their body").isEmpty();
    }

    private static CloudEvent event(String id) {
        return CloudEventBuilder.v1().withId(id).withType("t").withSource(URI.create("/s"))
                .withDataContentType("text/plain").withData(id.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static String replyData(Outcome outcome) {
        if (outcome instanceof Outcome.Accepted accepted && accepted.reply().isPresent()) {
            CloudEvent reply = accepted.reply().get();
            return reply.getData() == null ? "" : new String(reply.getData().toBytes(), StandardCharsets.UTF_8);
        }
        return "no reply";
    }

    /** Answers 200 with the event's ce-* headers and its data with {@code -r} appended, in one write. */
    private static void replyWithAppendedData(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (name.toLowerCase().startsWith("ce-") || name.equalsIgnoreCase("Content-Type")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] reply = (new String(body, StandardCharsets.UTF_8) + "-r").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
        exchange.close();
    }
}
