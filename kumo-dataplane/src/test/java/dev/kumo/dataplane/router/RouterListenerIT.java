package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.http.ListenerLimits;
import dev.kumo.http.testing.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The router against slow and broken clients: each gets an answer in time, none holds a connection forever. */
class RouterListenerIT {

    private static final RevisionId HELLO = revision("hello-00001");
    private static final Duration DEADLINE = Duration.ofSeconds(8);

    private final RouterHarness h = new RouterHarness(RouterHarness.CONFIG.withLimits(
            new ListenerLimits(Duration.ofSeconds(1), Duration.ofSeconds(2))));

    @BeforeEach
    void start() {
        h.ready(HELLO, h.backend("v1"));
        h.router.update(RouteTable.builder().host("hello.default.localhost", HELLO).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private RawHttp.Result send(String request, boolean halfClose) {
        return RawHttp.exchange(h.router.port(), request, DEADLINE, halfClose);
    }

    @Test
    void aHeadThatNeverEndsGets408() {
        RawHttp.Result result = send("GET / HTTP/1.1\r\nHost: hello.default.localhost\r\n", false);
        assertThat(result.status()).as(result.toString()).isEqualTo(408);
    }

    @Test
    void aClientThatHalfClosesAfterItsRequestGetsTheInstancesAnswer() {
        RawHttp.Result result = send("GET / HTTP/1.1\r\nHost: hello.default.localhost\r\n\r\n", true);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.text()).contains("v1");
    }

    @Test
    void aMalformedChunkedBodyGets400() {
        RawHttp.Result result = send("POST / HTTP/1.1\r\nHost: hello.default.localhost\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", false);
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
    }

    @Test
    void anUnsupportedHttpVersionGets400Not501() {
        RawHttp.Result result = send("GET / HTTP/2.0\r\nHost: hello.default.localhost\r\n\r\n", false);
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
    }
}
