package dev.kumo.eventing.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.OneTriggerMesh;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.http.ListenerLimits;
import dev.kumo.http.testing.RawHttp;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brokers' ingress against slow and broken clients: each gets an answer or a closed connection in time. */
class IngressListenerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private static final String EVENT_HEAD = "POST " + OneTriggerMesh.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "ce-specversion: 1.0\r\nce-id: l-1\r\nce-source: /test\r\nce-type: t\r\n"
            + "Content-Type: application/json\r\n";

    @TempDir
    Path dir;

    private OneTriggerMesh fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = OneTriggerMesh.start(MeshConfig.defaults(dir.resolve("events.db"))
                .withLimits(new ListenerLimits(Duration.ofSeconds(1), Duration.ofSeconds(2))));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private RawHttp.Result send(String request, boolean halfClose) {
        return RawHttp.exchange(fixture.mesh().port(), request, DEADLINE, halfClose);
    }

    @Test
    void aHeadThatNeverEndsGets408() {
        RawHttp.Result result = send(EVENT_HEAD, false);
        assertThat(result.status()).as(result.toString()).isEqualTo(408);
    }

    @Test
    void aProducerThatHalfClosesAfterItsEventGets202() {
        RawHttp.Result result = send(EVENT_HEAD + "Content-Length: 2\r\n\r\n{}", true);
        assertThat(result.status()).as(result.toString()).isEqualTo(202);
    }

    @Test
    void aMalformedChunkedBodyGets400() {
        RawHttp.Result result = send(EVENT_HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", false);
        assertThat(result.status()).as(result.toString()).isEqualTo(400);
        assertThat(result.text()).contains("malformed request body");
    }

    @Test
    void aStalledBodyGets408() {
        RawHttp.Result result = send(EVENT_HEAD + "Content-Length: 10\r\n\r\n{", false);
        assertThat(result.status()).as(result.toString()).isEqualTo(408);
    }
}
