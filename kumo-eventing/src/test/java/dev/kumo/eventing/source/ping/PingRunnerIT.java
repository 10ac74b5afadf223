package dev.kumo.eventing.source.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PingSource on {@code @every 1s} against a real HTTP receiver, across a restart of the runner. */
class PingRunnerIT {

    @TempDir
    Path journalDir;

    private Vertx vertx;
    private HttpServer receiver;
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        vertx = Vertx.vertx();
        receiver = vertx.createHttpServer().requestHandler(request -> {
            if (failuresLeft.getAndDecrement() > 0) {
                request.response().setStatusCode(503).end();
                return;
            }
            assertThat(request.getHeader("ce-type")).isEqualTo("dev.knative.sources.ping");
            ids.add(request.getHeader("ce-id"));
            request.response().setStatusCode(202).end();
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
    }

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void firesEveryTickOnceAcrossARestart() {
        PingSpec spec = spec();
        try (PingRunner first = runner()) {
            first.upsert(spec);
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.size() >= 2);
        }
        int beforeRestart = ids.size();
        try (PingRunner second = runner()) {
            second.upsert(spec);
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.size() >= beforeRestart + 2);
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void aFailingReceiverGetsTheTickAgainUntilItAccepts() {
        failuresLeft.set(2);
        try (PingRunner runner = runner()) {
            runner.upsert(spec());
            await().atMost(Duration.ofSeconds(10)).until(() -> ids.size() >= 1);
            assertThat(runner.failed()).isZero();
        }
    }

    private PingRunner runner() {
        PingRunner runner = new PingRunner(new HttpEventSender(vertx, 2_000), new FileTickJournal(journalDir),
                InstantSource.system(), Duration.ofMinutes(1));
        runner.start();
        return runner;
    }

    private PingSpec spec() {
        return new PingSpec("default", "heartbeat", "uid-1", PingSchedule.parse("@every 1s", ""),
                Optional.of("application/json"), "{}".getBytes(StandardCharsets.UTF_8),
                URI.create("http://127.0.0.1:" + receiver.actualPort() + "/"), Map.of());
    }
}
