package dev.kumo.eventing;

import dev.kumo.eventing.http.PercentDecoding;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.vertx.VertxMessageFactory;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A real HTTP subscriber on 127.0.0.1 that records every event it gets and answers as the test says. */
public final class RecordingSubscriber implements AutoCloseable {

    /** One request as received. */
    public record Received(CloudEvent event, MultiMap headers, Instant at) {
    }

    /** How to answer: a status, headers, a body, and optionally a reply event in binary mode. */
    public record Answer(int status, String contentType, String body, CloudEvent reply) {

        public static Answer status(int status) {
            return new Answer(status, null, "", null);
        }

        public static Answer body(int status, String contentType, String body) {
            return new Answer(status, contentType, body, null);
        }

        public static Answer reply(CloudEvent reply) {
            return new Answer(200, null, "", reply);
        }

        /** Never answers (the request hangs until the client gives up). */
        public static Answer hang() {
            return new Answer(0, null, "", null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Answer> answers;

    private RecordingSubscriber(Vertx vertx, Function<Received, Answer> answers) throws Exception {
        this.answers = answers;
        // A receiver as the HTTP binding wants it: ce-* values percent-decoded before the SDK reads them.
        this.server = vertx.createHttpServer().requestHandler(request -> request.body()
                .map(body -> VertxMessageFactory.createReader(PercentDecoding.decodeAttributes(request.headers()), body))
                .onFailure(e -> request.response().setStatusCode(400).end("not an event: " + e.getMessage()))
                .onSuccess(reader -> {
                    Received got = new Received(reader.toEvent(), MultiMap.caseInsensitiveMultiMap()
                            .addAll(request.headers()), Instant.now());
                    received.add(got);
                    answer(request.response(), this.answers.apply(got));
                }))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A subscriber answering 202 to everything. */
    public static RecordingSubscriber start(Vertx vertx) throws Exception {
        return new RecordingSubscriber(vertx, got -> Answer.status(202));
    }

    public static RecordingSubscriber start(Vertx vertx, Function<Received, Answer> answers) throws Exception {
        return new RecordingSubscriber(vertx, answers);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<String> ids() {
        return received.stream().map(got -> got.event().getId()).toList();
    }

    public void answer(Function<Received, Answer> next) {
        this.answers = next;
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static void answer(HttpServerResponse response, Answer answer) {
        if (answer.status() == 0) {
            return;
        }
        if (answer.reply() != null) {
            VertxMessageFactory.createWriter(response.setStatusCode(answer.status())).writeBinary(answer.reply());
            return;
        }
        response.setStatusCode(answer.status());
        if (answer.contentType() != null) {
            response.putHeader("Content-Type", answer.contentType());
        }
        response.end(answer.body());
    }
}
