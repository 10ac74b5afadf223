package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.http.testing.RawHttp;
import dev.kumo.runtime.spi.InstanceAddress;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A workload whose response lines end in a bare LF (a CGI script, {@code nc} in a shell loop) answers through the
 * router, as through Knative's queue-proxy; a client's request with bare LFs is still refused.
 */
class BareLineFeedIT {

    private static final RevisionId SHELL = revision("shell-00001");
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private RouterHarness h;
    private NetServer workload;

    @BeforeEach
    void start() throws Exception {
        h = new RouterHarness();
        workload = h.vertx.createNetServer().connectHandler(socket -> {
            Buffer received = Buffer.buffer();
            socket.handler(bytes -> {
                received.appendBuffer(bytes);
                if (received.toString().contains("\r\n\r\n")) {
                    socket.write("HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 6\n\nhello\n");
                }
            });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        h.endpoints.set(SHELL, List.of(InstanceAddress.loopback(workload.actualPort())));
        h.router.update(RouteTable.builder().host("shell.default.localhost", SHELL)
                .revision(SHELL, new RevisionSettings(10, 0)).build());
    }

    @AfterEach
    void stop() {
        workload.close();
        h.close();
    }

    @Test
    void aResponseWithBareLineFeedsIsRelayedWithCrlf() {
        RawHttp.Result result = RawHttp.exchange(h.router.port(),
                "GET / HTTP/1.1\r\nHost: shell.default.localhost\r\n\r\n", DEADLINE, false);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.text()).contains("\r\nContent-Type: text/plain\r\n").endsWith("\r\n\r\nhello\n");
    }

    @Test
    void aRequestWithBareLineFeedsIsStillRefused() {
        RawHttp.Result result = RawHttp.exchange(h.router.port(),
                "GET / HTTP/1.1\nHost: shell.default.localhost\n\n", DEADLINE, false);

        assertThat(result.status()).isEqualTo(400);
    }
}
