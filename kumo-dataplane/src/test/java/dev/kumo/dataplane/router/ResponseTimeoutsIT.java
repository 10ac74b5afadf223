package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.http.testing.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Knative's responseStartTimeoutSeconds and idleTimeoutSeconds, beside a long timeoutSeconds. */
class ResponseTimeoutsIT {

    private static final RevisionId STARTS = revision("starts-00001");
    private static final RevisionId IDLES = revision("idles-00001");
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private RouterHarness h;
    private Backend backend;

    @BeforeEach
    void start() {
        h = new RouterHarness();
        backend = h.backend("v1");
        h.ready(STARTS, backend);
        h.ready(IDLES, backend);
        h.router.update(RouteTable.builder()
                .host("starts.default.localhost", STARTS).revision(STARTS, new RevisionSettings(30, 0, false, 1, 0))
                .host("idles.default.localhost", IDLES).revision(IDLES, new RevisionSettings(30, 0, false, 0, 1))
                .build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void noResponseHeadWithinResponseStartTimeoutSecondsIs504() {
        backend.behave(request -> h.vertx.setTimer(3000, t -> request.response().end("too late")));

        long sent = System.nanoTime();
        TestClient.Answer answer = h.client.get("starts.default.localhost");

        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.body()).isEqualTo(
                "revision default/starts-00001 did not start answering within responseStartTimeoutSeconds 1\n");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofMillis(2900));
    }

    @Test
    void nothingAtAllWithinIdleTimeoutSecondsIs504() {
        backend.behave(request -> h.vertx.setTimer(3000, t -> request.response().end("too late")));

        TestClient.Answer answer = h.client.get("idles.default.localhost");

        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.body()).isEqualTo("revision default/idles-00001 sent nothing for idleTimeoutSeconds 1\n");
    }

    @Test
    void aStreamThatGoesQuietForIdleTimeoutSecondsIsCut() {
        backend.behave(request -> {
            request.response().setChunked(true).write("started ");
            h.vertx.setTimer(3000, t -> request.response().end("and finished"));
        });

        RawHttp.Result result = RawHttp.exchange(h.router.port(),
                "GET / HTTP/1.1\r\nHost: idles.default.localhost\r\n\r\n", DEADLINE, false);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.outcome()).isNotEqualTo(RawHttp.Outcome.DEADLINE); // the router closed the connection
        // Cut, not ended: no last chunk tells the client it has the whole response.
        assertThat(result.text()).endsWith("8\r\nstarted \r\n").doesNotContain("and finished");
    }

    @Test
    void aStreamThatKeepsWritingOutlivesItsIdleTimeout() {
        backend.behave(request -> {
            request.response().setChunked(true).write("0");
            long[] sent = {1};
            h.vertx.setPeriodic(300, timer -> {
                if (sent[0] == 7) {
                    h.vertx.cancelTimer(timer);
                    request.response().end("done");
                } else {
                    request.response().write(Long.toString(sent[0]++));
                }
            });
        });

        TestClient.Answer answer = h.client.get("idles.default.localhost");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("0123456done"); // ~2.1 s in all, no gap of 1 s
    }
}
