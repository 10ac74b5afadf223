package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The eventing benchmark's load generator and subscriber: bounded by count and by time, every event accounted for. */
class EventLoadIT {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsTheCountAskedForAndTheSubscriberSeesEveryOne() throws Exception {
        try (EventSubscriber subscriber = EventSubscriber.start(vertx)) {
            EventLoad.Run run = EventLoad.run(vertx, subscriber.uri(), "t", 500, 4, Duration.ofSeconds(30));

            assertThat(run.accepted()).isEqualTo(500);
            assertThat(run.failed()).isZero();
            assertThat(run.acks().count()).isEqualTo(500);
            assertThat(run.acceptedSentAtNanos()).hasSize(500).containsKeys("t-0", "t-499");
            assertThat(subscriber.awaitAll(run.acceptedSentAtNanos().keySet(), Duration.ofSeconds(10))).isZero();
            assertThat(subscriber.arrivedNanos("t-0")).isGreaterThanOrEqualTo(run.acceptedSentAtNanos().get("t-0"));
        }
    }

    @Test
    void stopsAtItsTimeLimitLongBeforeItsCount() throws Exception {
        try (EventSubscriber subscriber = EventSubscriber.start(vertx)) {
            EventLoad.Run run = EventLoad.run(vertx, subscriber.uri(), "t", 1_000_000, 2, Duration.ofMillis(300));

            assertThat(run.wallNanos()).isLessThan(Duration.ofSeconds(20).toNanos());
            assertThat(run.accepted()).isPositive().isLessThan(1_000_000);
            assertThat(run.failed()).isZero();
        }
    }
}
