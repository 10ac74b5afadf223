package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.api.DeliveryEngine;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Netty delivery client against Vert.x's, over real sockets to a subscriber that answers with exact bytes: the
 * same request goes out (line, headers, body), and every response form reads to the same outcome — status classes,
 * replies binary and structured, chunked, 1xx first, a connection closed mid-response or before it (retried), a timeout.
 */
class WireClientIT {

    private static final String REPLY_HEADERS = "ce-specversion: 1.0\r\nce-id: r-1\r\nce-source: /reply\r\n"
            + "ce-type: reply.t\r\ncontent-type: text/plain\r\n";
    private static final String STRUCTURED = "{\"specversion\":\"1.0\",\"id\":\"r-2\",\"source\":\"/reply\","
            + "\"type\":\"reply.s\",\"datacontenttype\":\"text/plain\",\"data\":\"structured\"}";

    private static Vertx vertx;
    private static SubscriberClient netty;
    private static SubscriberClient vertxClient;

    @BeforeAll
    static void clients() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setPreferNativeTransport(true));
        netty = new SubscriberClient(vertx, 8, DeliveryEngine.NETTY);
        vertxClient = new SubscriberClient(vertx, 8, DeliveryEngine.VERTX);
    }

    @AfterAll
    static void close() throws Exception {
        netty.close();
        vertxClient.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("202 empty", RawSubscriber.bytes("HTTP/1.1 202 Accepted\r\ncontent-length: 0\r\n\r\n"),
                        "accepted 202"),
                Arguments.of("200 without a reply asked for",
                        RawSubscriber.bytes("HTTP/1.1 200 OK\r\n" + REPLY_HEADERS + "content-length: 2\r\n\r\nhi"),
                        "accepted 200"),
                Arguments.of("204 close-delimited", RawSubscriber.thenClose("HTTP/1.1 204 No Content\r\n\r\n"),
                        "accepted 204"),
                Arguments.of("400 with a body", RawSubscriber.bytes(
                        "HTTP/1.1 400 Bad Request\r\ncontent-length: 7\r\n\r\nno good"), "failed 400 no good false"),
                Arguments.of("404 retried", RawSubscriber.bytes(
                        "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"), "failed 404  true"),
                Arguments.of("413", RawSubscriber.bytes(
                        "HTTP/1.1 413 Content Too Large\r\ncontent-length: 0\r\n\r\n"), "failed 413  false"),
                Arguments.of("408 retried", RawSubscriber.bytes(
                        "HTTP/1.1 408 Request Timeout\r\ncontent-length: 0\r\n\r\n"), "failed 408  true"),
                Arguments.of("429 retried", RawSubscriber.bytes(
                        "HTTP/1.1 429 Too Many Requests\r\ncontent-length: 4\r\n\r\nslow"), "failed 429 slow true"),
                Arguments.of("503 chunked", RawSubscriber.bytes("HTTP/1.1 503 Service Unavailable\r\n"
                        + "transfer-encoding: chunked\r\n\r\n3\r\ndow\r\n1\r\nn\r\n0\r\n\r\n"), "failed 503 down true"),
                Arguments.of("100 then 202", RawSubscriber.bytes("HTTP/1.1 100 Continue\r\n\r\n"
                        + "HTTP/1.1 202 Accepted\r\ncontent-length: 0\r\n\r\n"), "accepted 202"),
                Arguments.of("a connection closed mid-body",
                        RawSubscriber.thenClose("HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\npartial"),
                        "failed 500 dispatch error true"),
                Arguments.of("a connection closed mid-head", RawSubscriber.thenClose("HTTP/1.1 200 OK\r\ncontent-le"),
                        "failed 500 dispatch error true"),
                Arguments.of("a connection closed before any answer", RawSubscriber.thenClose(""),
                        "failed 500 dispatch error true"));
    }

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of("binary", RawSubscriber.bytes("HTTP/1.1 200 OK\r\n" + REPLY_HEADERS
                        + "content-length: 6\r\n\r\nbinary"), "accepted 200 reply r-1 reply.t binary"),
                Arguments.of("binary, chunked", RawSubscriber.bytes("HTTP/1.1 200 OK\r\n" + REPLY_HEADERS
                        + "transfer-encoding: chunked\r\n\r\n4\r\nchun\r\n3\r\nked\r\n0\r\n\r\n"),
                        "accepted 200 reply r-1 reply.t chunked"),
                Arguments.of("structured", RawSubscriber.bytes("HTTP/1.1 200 OK\r\n"
                        + "content-type: application/cloudevents+json\r\ncontent-length: " + STRUCTURED.length()
                        + "\r\n\r\n" + STRUCTURED), "accepted 200 reply r-2 reply.s structured"),
                Arguments.of("malformed", RawSubscriber.bytes("HTTP/1.1 200 OK\r\nce-specversion: 1.0\r\n"
                        + "ce-id: x\r\ncontent-length: 0\r\n\r\n"), "failed 200 malformed reply event false"),
                Arguments.of("not an event", RawSubscriber.bytes("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"),
                        "accepted 200"));
    }

    /** Each response form, then each reply form with {@code Prefer: reply}. */
    static Stream<Arguments> forms() {
        return Stream.concat(responses().map(form -> Arguments.of(form.get()[0], form.get()[1], form.get()[2], false)),
                replies().map(form -> Arguments.of("reply " + form.get()[0], form.get()[1], form.get()[2], true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void readsEveryResponseFormAsVertxDoes(String form, RawSubscriber.Answer answer, String want, boolean preferReply)
            throws Exception {
        try (RawSubscriber subscriber = new RawSubscriber(request -> answer)) {
            assertThat(outcome(netty, subscriber, preferReply)).as("netty").isEqualTo(want);
            assertThat(outcome(vertxClient, subscriber, preferReply)).as("vert.x").isEqualTo(want);
        }
    }

    @Test
    void sendsTheRequestVertxSends() throws Exception {
        try (RawSubscriber subscriber = new RawSubscriber(
                request -> RawSubscriber.bytes("HTTP/1.1 202 Accepted\r\ncontent-length: 0\r\n\r\n"))) {
            URI target = URI.create("http://127.0.0.1:" + subscriber.port() + "/a/path?q=1&r=%20");
            CloudEvent event = CloudEventBuilder.v1().withId("id-1").withSource(URI.create("/src"))
                    .withType("t.1").withSubject("s\u00e9").withTime(OffsetDateTime.parse("2026-12-07T22:00:00Z"))
                    .withExtension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                    .withExtension("knativearrivaltime", "2026-12-07T22:00:01Z").withExtension("count", 3)
                    .withDataContentType("application/json").withData("{\"a\":1}".getBytes(StandardCharsets.UTF_8))
                    .build();
            for (boolean preferReply : List.of(false, true)) {
                send(netty, target, event, preferReply);
                send(vertxClient, target, event, preferReply);
                RawSubscriber.Received fromNetty = subscriber.received().poll(10, TimeUnit.SECONDS);
                RawSubscriber.Received fromVertx = subscriber.received().poll(10, TimeUnit.SECONDS);
                assertThat(fromNetty.requestLine()).isEqualTo(fromVertx.requestLine())
                        .isEqualTo("POST /a/path?q=1&r=%20 HTTP/1.1");
                assertThat(fromNetty.headerLines()).containsExactlyInAnyOrderElementsOf(fromVertx.headerLines());
                assertThat(fromNetty.headerLines()).contains("host: 127.0.0.1:" + subscriber.port(),
                        "ce-subject: s\u00c3\u00a9", "content-length: 7");
                assertThat(fromNetty.body()).isEqualTo(fromVertx.body()).asString().isEqualTo("{\"a\":1}");
            }
        }
    }

    @Test
    void keepsTheConnectionAliveAndOpensAnotherAfterAClose() throws Exception {
        try (RawSubscriber subscriber = new RawSubscriber(request -> request.requestLine().contains("close")
                ? RawSubscriber.bytes("HTTP/1.1 202 Accepted\r\nconnection: close\r\ncontent-length: 0\r\n\r\n")
                : RawSubscriber.bytes("HTTP/1.1 202 Accepted\r\ncontent-length: 0\r\n\r\n"))) {
            URI keep = URI.create("http://127.0.0.1:" + subscriber.port() + "/keep");
            for (int i = 0; i < 10; i++) {
                assertThat(describe(send(netty, keep, event(), false))).isEqualTo("accepted 202");
            }
            // Sends from outside Vert.x go to the two event loops in turn, each with its own kept-alive connection.
            assertThat(subscriber.connections()).as("one kept-alive connection per event loop").isEqualTo(2);
            URI close = URI.create("http://127.0.0.1:" + subscriber.port() + "/close");
            assertThat(describe(send(netty, close, event(), false))).isEqualTo("accepted 202");
            assertThat(describe(send(netty, close, event(), false))).isEqualTo("accepted 202");
            assertThat(describe(send(netty, keep, event(), false))).isEqualTo("accepted 202");
            assertThat(describe(send(netty, keep, event(), false))).isEqualTo("accepted 202");
            assertThat(subscriber.connections()).as("a connection the subscriber closed is not reused").isEqualTo(4);
        }
    }

    @Test
    void timesOutAsVertxDoes() throws Exception {
        try (RawSubscriber subscriber = new RawSubscriber(request -> new RawSubscriber.Answer.Silence())) {
            URI target = URI.create("http://127.0.0.1:" + subscriber.port() + "/slow");
            for (SubscriberClient client : List.of(netty, vertxClient)) {
                Outcome outcome = client.send(target, event(), Duration.ofMillis(300), false)
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
                    assertThat(failed.status()).isEqualTo(500);
                    assertThat(failed.retryable()).isTrue();
                    assertThat(new String(failed.body(), StandardCharsets.UTF_8))
                            .contains("The timeout period of 300ms has been exceeded while executing POST /slow");
                });
            }
        }
    }

    @Test
    void aRefusedConnectionIsARetriedFailure() throws Exception {
        int port;
        try (RawSubscriber closed = new RawSubscriber(request -> new RawSubscriber.Answer.Silence())) {
            port = closed.port();
        }
        URI target = URI.create("http://127.0.0.1:" + port + "/");
        assertThat(describe(send(netty, target, event(), false))).isEqualTo("failed 500 dispatch error true");
        assertThat(describe(send(vertxClient, target, event(), false))).isEqualTo("failed 500 dispatch error true");
    }

    private static String outcome(SubscriberClient client, RawSubscriber subscriber, boolean preferReply)
            throws Exception {
        return describe(send(client, URI.create("http://127.0.0.1:" + subscriber.port() + "/"), event(), preferReply));
    }

    private static Outcome send(SubscriberClient client, URI target, CloudEvent event, boolean preferReply)
            throws Exception {
        return client.send(target, event, Duration.ofSeconds(10), preferReply).toCompletionStage()
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static CloudEvent event() {
        return CloudEventBuilder.v1().withId("e").withSource(URI.create("/s")).withType("t")
                .withDataContentType("text/plain").withData("x".getBytes(StandardCharsets.UTF_8)).build();
    }

    /** An outcome in words: kind, status, then the reply (id, type, data) or the body and whether it is retried. */
    private static String describe(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Accepted accepted when accepted.reply().isPresent() -> "accepted " + accepted.status()
                    + " reply " + accepted.reply().get().getId() + " " + accepted.reply().get().getType() + " "
                    + new String(accepted.reply().get().getData().toBytes(), StandardCharsets.UTF_8);
            case Outcome.Accepted accepted -> "accepted " + accepted.status();
            case Outcome.Failed failed -> "failed " + failed.status() + " " + firstWords(failed) + " "
                    + failed.retryable();
        };
    }

    /** A failure's body; a network error's only as far as "dispatch error" (the exception's words differ). */
    private static String firstWords(Outcome.Failed failed) {
        String body = new String(failed.body(), StandardCharsets.UTF_8);
        Function<String, String> upTo = prefix -> body.startsWith(prefix) ? prefix : body;
        return upTo.apply("dispatch error").startsWith("dispatch error") ? "dispatch error"
                : upTo.apply("malformed reply event");
    }
}
