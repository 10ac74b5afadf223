package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.RouterTransport;
import io.netty.channel.EventLoop;
import io.netty.incubator.channel.uring.IOUring;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Netty front on event loops of its own, on io_uring and on epoll: the loops are the transport's and named
 * {@code kumo-front-N}; keep-alive, pipelining and chunked bodies go through; what it hands to the Vert.x router
 * (an unknown host, a request at zero, a WebSocket upgrade, h2c) still arrives; a long run of small answers on
 * kept-alive connections never stalls (Vert.x's client over io_uring hung after 49 such answers); and the
 * autoscaler's load samples come out the same on both transports, each loop metering in a slot of its own.
 */
class FrontTransportIT {

    private static final RevisionId ECHO = revision("echo-00001");
    private static final RevisionId COLD = revision("cold-00001");
    private static final RevisionId WS = revision("ws-00001");
    private static final RevisionId BUSY = revision("busy-00001");
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private RouterHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    /** A router whose front runs on {@code transport}, routing echo (bodies back, with their length), cold and ws. */
    private FrontServer start(RouterTransport transport) {
        if (transport == RouterTransport.IO_URING) {
            Assumptions.assumeTrue(IOUring.isAvailable(), () -> "io_uring is unavailable on this machine: "
                    + IOUring.unavailabilityCause());
        }
        h = new RouterHarness(RouterHarness.CONFIG.withTransport(transport).withH2c(true));
        h.ready(ECHO, h.backend("echo").behave(request -> request.body().onSuccess(body -> request.response()
                .putHeader("X-Length", String.valueOf(body.length())).end(body.length() == 0
                        ? "hello from echo " + request.uri() : body.toString()))));
        h.ready(WS, h.backend("ws").behave(request -> request.toWebSocket().onSuccess(socket -> socket
                .textMessageHandler(text -> socket.writeTextMessage("echo " + text)))));
        h.router.update(RouteTable.builder().host("echo.default.localhost", ECHO)
                .host("cold.default.localhost", COLD).host("ws.default.localhost", WS).build());
        return ((RouterServer) h.router).front().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = RouterTransport.class, names = {"IO_URING", "EPOLL"})
    void theFrontsLoopsAreItsOwnOnTheTransportAsked(RouterTransport transport) throws Exception {
        FrontServer front = start(transport);

        assertThat(front.transport().name()).isEqualTo(transport.flagValue());
        List<String> threads = new ArrayList<>();
        for (EventLoop loop : front.loops()) {
            assertThat(loop.getClass().getName()).startsWith(transport == RouterTransport.IO_URING
                    ? "io.netty.incubator.channel.uring.IOUring" : "io.netty.channel.epoll.Epoll");
            threads.add(loop.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS));
        }
        assertThat(threads).containsExactly("kumo-front-0", "kumo-front-1");
        assertThat(h.client.get("echo.default.localhost", "/x").body()).isEqualTo("hello from echo /x");
    }

    @ParameterizedTest
    @EnumSource(value = RouterTransport.class, names = {"IO_URING", "EPOLL"})
    void keepAlivePipeliningAndChunkedBodiesGoThrough(RouterTransport transport) throws IOException {
        start(transport);
        try (Socket socket = new Socket("127.0.0.1", h.router.port())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 50; i++) { // one connection kept alive, request after request
                out.write(("GET /" + i + " HTTP/1.1\r\nHost: echo.default.localhost\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(Response.read(in).body()).isEqualTo("hello from echo /" + i);
            }
            // Three in one write: a GET, a body with a length, a chunked body in two chunks.
            out.write(("GET /p HTTP/1.1\r\nHost: echo.default.localhost\r\n\r\n"
                    + "POST /p HTTP/1.1\r\nHost: echo.default.localhost\r\nContent-Length: 5\r\n\r\nfixed"
                    + "POST /p HTTP/1.1\r\nHost: echo.default.localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4\r\nchun\r\n3\r\nked\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            List<String> bodies = List.of(Response.read(in).body(), Response.read(in).body(),
                    Response.read(in).body());

            assertThat(bodies).containsExactly("hello from echo /p", "fixed", "chunked");
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterTransport.class, names = {"IO_URING", "EPOLL"})
    void whatTheFrontHandsOffReachesTheVertxRouter(RouterTransport transport) throws Exception {
        start(transport);

        assertThat(h.client.get("nope.default.localhost").status()).isEqualTo(404);

        // A request at zero: held by the Vert.x router's activator until an instance is ready.
        Set<RevisionId> demanded = ConcurrentHashMap.newKeySet();
        h.signals.onDemand(demanded::add);
        Future<TestClient.Answer> held = h.client.send(h.client.options(HttpMethod.GET, "cold.default.localhost",
                "/"));
        await().atMost(DEADLINE).until(() -> demanded.contains(COLD));
        h.ready(COLD, h.backend("cold"));
        TestClient.Answer answer = TestClient.await(held);
        assertThat(answer.status() + " " + answer.backend()).isEqualTo("200 cold");

        assertThat(webSocketEcho("hi")).isEqualTo("echo hi");

        String h2c = Curl.run("--http2-prior-knowledge", "--resolve", "echo.default.localhost:" + h.router.port()
                + ":127.0.0.1", "-w", "\nversion=%{http_version} status=%{http_code}",
                "http://echo.default.localhost:" + h.router.port() + "/h2");
        assertThat(h2c).isEqualTo("hello from echo /h2\nversion=2 status=200");
    }

    /**
     * A read that fills its buffer exactly: 100 requests of 49 bytes shrink the adaptive read buffer to 64 bytes, then
     * a request of 64. On io_uring the channel fired no read-complete after it (another recv waited for more bytes),
     * so the request written to the instance was never flushed and the connection hung; and with that recv pending
     * the connection, idle, could not be closed: the router's close waited for good ({@link Transport#configure}).
     */
    @ParameterizedTest
    @EnumSource(value = RouterTransport.class, names = {"IO_URING", "EPOLL"})
    void aRequestThatFillsTheReadBufferExactlyIsForwardedAtOnceAndTheRouterStillCloses(RouterTransport transport)
            throws Exception {
        start(transport);
        try (Socket socket = new Socket("127.0.0.1", h.router.port())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 100; i++) {
                String small = "GET /" + (i % 10) + " HTTP/1.1\r\nHost: echo.default.localhost\r\n\r\n";
                assertThat(small).hasSize(49);
                out.write(small.getBytes(StandardCharsets.ISO_8859_1));
                assertThat(Response.read(in).body()).isEqualTo("hello from echo /" + (i % 10));
            }
            String exact = "GET /exactly-sixty-fo HTTP/1.1\r\nHost: echo.default.localhost\r\n\r\n";
            assertThat(exact).hasSize(64);
            out.write(exact.getBytes(StandardCharsets.ISO_8859_1));

            assertThat(Response.read(in).body()).isEqualTo("hello from echo /exactly-sixty-fo");
            java.util.concurrent.CompletableFuture.runAsync(h.router::close).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * 400 h2c streams, 8 at a time, on one connection the front relays to the Vert.x router (Vert.x's HTTP/2 client
     * with prior knowledge): all answered. (h2load's 8 streams on one connection hung the io_uring relay after ~80
     * before {@link Transport#configure}; this client's frames did not, so the exact-fill test above is the proof.)
     */
    @ParameterizedTest
    @EnumSource(value = RouterTransport.class, names = {"IO_URING", "EPOLL"})
    void manyH2cStreamsOnOneRelayedConnectionAreAllAnswered(RouterTransport transport) throws Exception {
        start(transport);
        HttpClient h2c = h.vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false), new PoolOptions().setHttp2MaxSize(1));
        try {
            java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(8);
            for (int i = 0; i < 400; i++) {
                assertThat(window.tryAcquire(DEADLINE.toMillis(), TimeUnit.MILLISECONDS))
                        .as("a stream slot within %s after %d answers", DEADLINE, answered.get()).isTrue();
                h2c.request(h.client.options(HttpMethod.GET, "echo.default.localhost", "/" + i))
                        .compose(request -> TestClient.answer(request, HttpClientRequest::end))
                        .onComplete(answer -> {
                            if (answer.succeeded() && answer.result().status() == 200
                                    && answer.result().body().startsWith("hello from echo /")) {
                                answered.incrementAndGet();
                            }
                            window.release();
                        });
            }
            await().atMost(DEADLINE).until(() -> answered.get() == 400);
        } finally {
            h2c.close();
        }
    }

    /**
     * A client that half-closes after its request (RouterFuzzIT's half-closed cases), the request handed off: on
     * io_uring the relay's shutdown went out before its queued write of the request, so the Vert.x router saw the
     * FIN first and closed unanswered (98 of 100 before).
     */
    @ParameterizedTest
    @EnumSource(value = RouterTransport.class, names = {"IO_URING", "EPOLL"})
    void aHalfClosedClientsHandedOffRequestIsAnswered(RouterTransport transport) throws IOException {
        start(transport);
        for (int i = 0; i < 20; i++) {
            try (Socket socket = new Socket("127.0.0.1", h.router.port())) {
                socket.setSoTimeout((int) DEADLINE.toMillis());
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: nope.default.localhost\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                socket.shutdownOutput();

                assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                        .as("attempt %d", i).startsWith("HTTP/1.1 404");
            }
        }
    }

    /** One text message through a WebSocket upgraded through the front (a raw client: the Host is the route's). */
    private String webSocketEcho(String text) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", h.router.port())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("GET /chat HTTP/1.1\r\nHost: ws.default.localhost\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String head = Response.head(in);
            assertThat(head).startsWith("HTTP/1.1 101");
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            byte[] mask = {1, 2, 3, 4};
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81); // FIN, text
            frame.write(0x80 | payload.length); // masked, as a client's must be
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            int first = in.read();
            int length = in.read() & 0x7F;
            assertThat(first).isEqualTo(0x81);
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
    }

    /**
     * 4 kept-alive connections × 1,500 requests each, answered with 160 bytes as nginx answered the bench (Vert.x's
     * client over io_uring hung each connection for good after 49 such answers): every answer arrives, none late.
     */
    @ParameterizedTest
    @EnumSource(value = RouterTransport.class, names = {"IO_URING", "EPOLL"})
    void aLongRunOfSmallAnswersOnKeptAliveConnectionsNeverStalls(RouterTransport transport) throws Exception {
        start(transport);
        String body = "x".repeat(102); // 160 bytes with the head "HTTP/1.1 200 OK", X-Backend and content-length
        h.ready(ECHO, h.backend("small").behave(request -> request.response().end(body)));
        int connections = 4;
        int requests = 1500;
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        try {
            List<java.util.concurrent.Future<Integer>> answered = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                answered.add(clients.submit(() -> {
                    try (Socket socket = new Socket("127.0.0.1", h.router.port())) {
                        socket.setSoTimeout((int) DEADLINE.toMillis()); // a stalled connection fails the read
                        byte[] request = "GET / HTTP/1.1\r\nHost: echo.default.localhost\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1);
                        InputStream in = new BufferedInputStream(socket.getInputStream());
                        int ok = 0;
                        for (int i = 0; i < requests; i++) {
                            socket.getOutputStream().write(request);
                            if (Response.read(in).body().equals(body)) {
                                ok++;
                            }
                        }
                        return ok;
                    }
                }));
            }
            for (java.util.concurrent.Future<Integer> count : answered) {
                assertThat(count.get(120, TimeUnit.SECONDS)).isEqualTo(requests);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * What the autoscaler reads for one queueing load ({@link QueueingLoad}) on each transport: the front forwards
     * two requests on its own loops and hands two to the Vert.x gate, which queues them on Vert.x's loops; each loop
     * meters in a slot of its own (two writers of one meter fail {@link LoadMeter}'s check: the loop's connection
     * closes), and the samples count all four.
     */
    @ParameterizedTest
    @EnumSource(value = RouterTransport.class, names = {"IO_URING", "EPOLL"})
    void theAutoscalersLoadSamplesCountTheFrontsAndTheVertxRoutersRequests(RouterTransport transport) {
        start(transport);

        QueueingLoad.run(h, h.backend("busy"), BUSY).assertAllCounted();
    }

    /** One HTTP/1.1 response with a Content-Length, read off a kept-alive connection. */
    private record Response(String head, String body) {

        static Response read(InputStream in) throws IOException {
            String head = head(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).strip());
                }
            }
            return new Response(head, new String(in.readNBytes(length), StandardCharsets.ISO_8859_1));
        }

        /** The head up to its blank line; fails when the connection closes first. */
        static String head(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new UncheckedIOException(new IOException("closed after: " + head));
                }
                head.append((char) b);
            }
            return head.substring(0, head.length() - 4);
        }
    }
}
