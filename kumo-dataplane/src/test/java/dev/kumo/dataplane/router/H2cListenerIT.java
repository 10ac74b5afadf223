package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.http.ListenerLimits;
import dev.kumo.http.testing.RawHttp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An h2c listener against slow clients: none holds a connection past the header-read timeout. A connection's first
 * head is timed by a plain close (Vert.x announces the connection only once that head is complete, see
 * ClientGuard); every later head gets the guard's 408, as on an HTTP/1.1-only listener. An HTTP/2 client that never
 * completes a first request's headers is closed too, while a stream that keeps moving data outlives the idle timeout.
 */
class H2cListenerIT {

    private static final RevisionId HELLO = revision("hello-00001");
    private static final String HOST = "hello.default.localhost";
    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private static final Duration HEADER_READ = Duration.ofSeconds(1);

    private static final Duration IDLE = Duration.ofSeconds(2);
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    /** An empty SETTINGS frame. */
    private static final byte[] SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};
    /** HEADERS on stream 1 with ":method: GET" and without END_HEADERS: the CONTINUATION never comes. */
    private static final byte[] OPEN_HEADERS = {0, 0, 1, 1, 0, 0, 0, 0, 1, (byte) 0x82};

    private final RouterHarness h = new RouterHarness(RouterHarness.CONFIG.withH2c(true).withLimits(
            new ListenerLimits(HEADER_READ, IDLE)));

    @BeforeEach
    void start() {
        h.ready(HELLO, h.backend("v1"));
        h.router.update(RouteTable.builder().host(HOST, HELLO).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aFirstHeadThatNeverEndsIsClosedWithinTheHeaderReadTimeout() {
        long start = System.nanoTime();
        RawHttp.Result result = RawHttp.exchange(h.router.port(), "GET / HTTP/1.1\r\nHost: " + HOST + "\r\n",
                DEADLINE, false);

        assertClosedOr408(result);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.minusSeconds(4));
    }

    @Test
    void aClientThatSendsNothingIsClosedWithinTheHeaderReadTimeout() {
        long start = System.nanoTime();
        RawHttp.Result result = RawHttp.exchange(h.router.port(), new byte[0], DEADLINE, false);

        assertClosedOr408(result);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.minusSeconds(4));
    }

    /**
     * Vert.x cannot time an h2c listener's first head, so it closes; the Netty front (its guard sees every head)
     * answers 408 first, as a listener without h2c does.
     */
    private static void assertClosedOr408(RawHttp.Result result) {
        if (RouterHarness.CONFIG.engine() == dev.kumo.dataplane.api.RouterEngine.NETTY) {
            assertThat(result.status()).as(result.toString()).isEqualTo(408);
        } else {
            assertThat(result.outcome()).as(result.toString()).isEqualTo(RawHttp.Outcome.CLOSED);
        }
    }

    @Test
    void aLaterHeadThatNeverEndsGets408() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", h.router.port())) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Result first = RawHttp.read(socket, System.nanoTime() + DEADLINE.toNanos());
            assertThat(first.status()).as(first.toString()).isEqualTo(200);

            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + HOST + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Result second = RawHttp.read(socket, System.nanoTime() + DEADLINE.toNanos());
            assertThat(second.status()).as(second.toString()).isEqualTo(408);
        }
    }

    @Test
    void aClientThatHalfClosesAfterItsFirstRequestGetsTheInstancesAnswer() {
        RawHttp.Result result = RawHttp.exchange(h.router.port(), "GET / HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n",
                DEADLINE, true);

        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.text()).contains("v1");
    }

    @Test
    void anHttp2ClientThatSendsOnlyThePrefaceIsClosedWithinTheHeaderReadTimeout() throws IOException {
        assertThat(closedAfterSending(PREFACE)).isLessThan(DEADLINE.minusSeconds(4));
    }

    @Test
    void anHttp2ClientThatSendsSettingsButNoHeadersIsClosedWithinTheHeaderReadTimeout() throws IOException {
        assertThat(closedAfterSending(PREFACE, SETTINGS)).isLessThan(DEADLINE.minusSeconds(4));
    }

    @Test
    void anHttp2ClientWhoseFirstHeadersNeverEndIsClosedWithinTheHeaderReadTimeout() throws IOException {
        assertThat(closedAfterSending(PREFACE, SETTINGS, OPEN_HEADERS)).isLessThan(DEADLINE.minusSeconds(4));
    }

    @Test
    void anHttp2StreamThatMovesSlowlyButSteadilyOutlivesTheIdleTimeout() throws Exception {
        int chunks = 8;
        long every = IDLE.toMillis() / 4;
        h.ready(HELLO, h.backend("slow").behave(request -> {
            request.response().setChunked(true);
            int[] sent = {0};
            h.vertx.setPeriodic(every, timer -> {
                if (++sent[0] == chunks) {
                    h.vertx.cancelTimer(timer);
                    request.response().end("chunk " + sent[0] + "\n");
                } else {
                    request.response().write("chunk " + sent[0] + "\n");
                }
            });
        }));
        HttpClient client = h.vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        long start = System.nanoTime();
        Buffer body = client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setServer(SocketAddress.inetSocketAddress(h.router.port(), "127.0.0.1"))
                        .setHost(HOST).setPort(h.router.port()).setURI("/stream"))
                .compose(request -> request.send().compose(response -> {
                    assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
                    return response.body();
                }))
                .toCompletionStage().toCompletableFuture().get(DEADLINE.toSeconds() * 2, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(IDLE.plus(HEADER_READ));
        assertThat(body.toString()).contains("chunk 1\n").contains("chunk " + chunks + "\n");
    }

    @Test
    void anHttp2ConnectionWithNoStreamIsClosedAfterTheIdleTimeout() throws Exception {
        HttpClient client = h.vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        CompletableFuture<Long> closedAt = new CompletableFuture<>();
        long answeredAt = client.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setServer(SocketAddress.inetSocketAddress(h.router.port(), "127.0.0.1"))
                        .setHost(HOST).setPort(h.router.port()).setURI("/"))
                .compose(request -> {
                    request.connection().closeHandler(closed -> closedAt.complete(System.nanoTime()));
                    return request.send().compose(response -> response.body());
                })
                .map(body -> System.nanoTime())
                .toCompletionStage().toCompletableFuture().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        long closed = closedAt.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(closed - answeredAt)).isGreaterThan(IDLE.minusMillis(500))
                .isLessThan(DEADLINE.minusSeconds(4));
    }

    @Test
    void anUpgradedConnectionWhoseStreamEndedIsClosedAfterTheIdleTimeout() throws IOException {
        byte[] upgrade = ("GET / HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: \r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(closedAfterSending(upgrade, PREFACE, SETTINGS)).isGreaterThan(IDLE.minusMillis(500))
                .isLessThan(DEADLINE.minusSeconds(4));
    }

    /**
     * Writes {@code parts} on a fresh connection and drains it: how long the connection sat quiet until the router
     * closed it, from its opening or from the router's last bytes before the ones it sends as it closes (GOAWAY).
     */
    private Duration closedAfterSending(byte[]... parts) throws IOException {
        long quietSince = System.nanoTime();
        long lastRead = quietSince;
        try (Socket socket = new Socket("127.0.0.1", h.router.port())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            for (byte[] part : parts) {
                socket.getOutputStream().write(part);
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    seen.write(buffer, 0, n);
                    quietSince = lastRead;
                    lastRead = System.nanoTime();
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("still open after " + DEADLINE + ", got " + seen.size() + " bytes", e);
            } catch (IOException e) {
                // a reset is a close too
            }
        }
        return Duration.ofNanos(System.nanoTime() - quietSince);
    }
}
