package dev.kumo.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.http.testing.RawHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientGuardIT {

    private static final ListenerLimits LIMITS = new ListenerLimits(Duration.ofSeconds(1), Duration.ofSeconds(2));
    private static final Duration DEADLINE = Duration.ofSeconds(6);

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server = start();

    private HttpServer start() {
        HttpServer created = vertx.createHttpServer(ClientGuard.options(new HttpServerOptions().setPort(0)
                .setHost("127.0.0.1")));
        ClientGuard.install(created, LIMITS, ErrorAnswer.TEXT).requestHandler(request -> {
            if (request.path().equals("/stream")) {
                // A watch-like response: a line, then silence longer than the idle timeout, then the end.
                request.response().setChunked(true).write("first\n");
                vertx.setTimer(3000, id -> request.response().end("last\n"));
                return;
            }
            if (request.path().equals("/early")) {
                // As the router answers an unknown host: at once, the body unread (paused), then closes.
                request.pause();
                request.response().setStatusCode(404).putHeader("Connection", "close").end("no such host")
                        .onComplete(v -> request.connection().close());
                return;
            }
            if (request.path().equals("/host")) {
                request.response().end("host " + request.getHeader("Host"));
                return;
            }
            request.body().onSuccess(body -> vertx.setTimer(200, id -> request.response()
                    .end("read " + body.length() + " bytes")));
        });
        try {
            return created.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        vertx.close();
    }

    private RawHttp.Result send(String request, boolean halfClose) {
        return RawHttp.exchange(server.actualPort(), request, DEADLINE, halfClose);
    }

    @Test
    void aPartialHeadGets408AfterTheHeaderReadTimeout() {
        long start = System.nanoTime();
        RawHttp.Result result = send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ", false);
        assertThat(result.status()).as(result.toString()).isEqualTo(408);
        assertThat(result.text()).contains("the request head did not arrive within 1.0s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
                Duration.ofSeconds(4));
    }

    @Test
    void hundredsOfSlowlorisConnectionsAreAllClosed() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket("127.0.0.1", server.actualPort());
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            for (Socket socket : sockets) {
                RawHttp.Result result = RawHttp.read(socket, System.nanoTime() + DEADLINE.toNanos());
                assertThat(result.outcome()).isNotEqualTo(RawHttp.Outcome.DEADLINE);
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(RawHttp.read(socket, System.nanoTime() + DEADLINE.toNanos()).status()).isEqualTo(200);
            socket.setSoTimeout((int) DEADLINE.toMillis());
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1500),
                    Duration.ofSeconds(5));
        }
    }

    @Test
    void aStreamedResponseQuietLongerThanTheIdleTimeoutIsNotCut() {
        RawHttp.Result result = send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n", false);
        assertThat(result.outcome()).as(result.toString()).isEqualTo(RawHttp.Outcome.RESPONSE);
        assertThat(result.text()).contains("first").contains("last");
    }

    @Test
    void aClientThatHalfClosesAfterItsRequestStillGetsTheAnswer() {
        RawHttp.Result result = send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", true);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.text()).endsWith("read 5 bytes");
    }

    @Test
    void anEarlyAnswerToAClientStillSendingItsBodyIsNotLostToAReset() throws Exception {
        io.vertx.core.http.HttpClient client = vertx.createHttpClient();
        io.vertx.core.buffer.Buffer body = io.vertx.core.buffer.Buffer.buffer(new byte[256 * 1024]);
        for (int i = 0; i < 50; i++) {
            int status = client.request(io.vertx.core.http.HttpMethod.POST, server.actualPort(), "127.0.0.1", "/early")
                    .compose(request -> request.setChunked(true).send(body))
                    .compose(response -> response.body().map(b -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(status).as("attempt " + i).isEqualTo(404);
        }
    }

    @Test
    void aBodyCutShortByAHalfCloseGets400() {
        RawHttp.Result result = send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nhello", true);
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.text()).contains("the request body ended early");
    }

    @Test
    void aMalformedChunkedBodyGets400() {
        RawHttp.Result result = send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\nabc\r\n0\r\n\r\n", false);
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.text()).contains("malformed request body");
    }

    @Test
    void aStalledBodyGets408AfterTheIdleTimeout() {
        RawHttp.Result result = send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nhello", false);
        assertThat(result.status()).as(result.toString()).isEqualTo(408);
        assertThat(result.text()).contains("the request body stopped arriving for 2.0s");
    }

    @Test
    void malformedHeadsGetAnAnswerWithABody() {
        RawHttp.Result garbage = send("GARBAGE\r\n\r\n", false);
        assertThat(garbage.status()).as(garbage.toString()).isEqualTo(400);
        assertThat(garbage.text()).contains("malformed HTTP request");
        RawHttp.Result badHeader = send("GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", false);
        assertThat(badHeader.status()).as(badHeader.toString()).isEqualTo(400);
        RawHttp.Result longLine = send("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", false);
        assertThat(longLine.status()).as(longLine.toString()).isEqualTo(414);
        RawHttp.Result badVersion = send("GET / HTTP/9.9\r\nHost: x\r\n\r\n", false);
        assertThat(badVersion.status()).as(badVersion.toString()).isEqualTo(400);
        assertThat(badVersion.text()).contains("unsupported HTTP version \"HTTP/9.9\"");
    }

    @Test
    void aTransferCodingOtherThanChunkedAloneGets400() {
        for (String codings : new String[] {"gzip, chunked", "gzip\r\nTransfer-Encoding: chunked", "identity"}) {
            RawHttp.Result result = send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + codings
                    + "\r\n\r\n3\r\nabc\r\n0\r\n\r\n", false);
            assertThat(result.status()).as(result.toString()).isEqualTo(400);
            assertThat(result.text()).contains("is not supported: send the body with Transfer-Encoding: chunked "
                    + "alone, or with a Content-Length");
        }
        RawHttp.Result chunked = send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n", false);
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(200);
    }

    @Test
    void headsRfc9112RefusesGet400AndNeverReachTheListener() {
        // Every guarded listener (API server, router, brokers' ingress), not the router's alone.
        for (String head : new String[] {"GET /host HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
                "GET /host HTTP/1.1\r\n\r\n", "GET /ho\u0001st HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET http://u@x/host HTTP/1.1\r\nHost: x\r\n\r\n"}) {
            RawHttp.Result result = send(head, false);
            assertThat(result.status()).as(head + " → " + result).isEqualTo(400);
            assertThat(result.text()).as(head).contains("connection: close").doesNotContain("host x");
        }
        assertThat(send("GET /host HTTP/1.0\r\n\r\n", false).text()).endsWith("host null");
    }

    @Test
    void anAbsoluteFormTargetsAuthorityIsTheHostTheListenerSees() {
        RawHttp.Result result = send("GET http://a.example:81/host HTTP/1.1\r\nHost: b.example\r\n\r\n", false);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.text()).endsWith("host a.example:81");
    }

    @Test
    void aWholeRequestIsAnsweredAsBefore() {
        RawHttp.Result result = send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n", false);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).endsWith("read 3 bytes");
    }
}
