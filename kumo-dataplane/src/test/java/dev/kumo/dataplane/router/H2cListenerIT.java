package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.http.ListenerLimits;
import dev.kumo.http.testing.RawHttp;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An h2c listener against slow clients: none holds a connection past the header-read timeout. A connection's first
 * head is timed by a plain close (Vert.x announces the connection only once that head is complete, see
 * ClientGuard); every later head gets the guard's 408, as on an HTTP/1.1-only listener.
 */
class H2cListenerIT {

    private static final RevisionId HELLO = revision("hello-00001");
    private static final String HOST = "hello.default.localhost";
    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private static final Duration HEADER_READ = Duration.ofSeconds(1);

    private final RouterHarness h = new RouterHarness(RouterHarness.CONFIG.withH2c(true).withLimits(
            new ListenerLimits(HEADER_READ, Duration.ofSeconds(2))));

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

        assertThat(result.outcome()).as(result.toString()).isEqualTo(RawHttp.Outcome.CLOSED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.minusSeconds(4));
    }

    @Test
    void aClientThatSendsNothingIsClosedWithinTheHeaderReadTimeout() {
        long start = System.nanoTime();
        RawHttp.Result result = RawHttp.exchange(h.router.port(), new byte[0], DEADLINE, false);

        assertThat(result.outcome()).as(result.toString()).isEqualTo(RawHttp.Outcome.CLOSED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.minusSeconds(4));
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
}
