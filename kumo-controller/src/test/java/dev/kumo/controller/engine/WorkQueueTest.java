package dev.kumo.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    private static final NamespacedName A = new NamespacedName("default", "a");
    private static final NamespacedName B = new NamespacedName("default", "b");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final WorkQueue queue = new WorkQueue();

    @Test
    void aQueuedKeyIsQueuedOnce() throws InterruptedException {
        queue.add(A);
        queue.add(B);
        queue.add(A);
        assertThat(queue.take()).contains(A);
        assertThat(queue.take()).contains(B);
        queue.done(A);
        queue.done(B);
        assertThat(queue.idle()).isTrue();
    }

    @Test
    void aKeyAddedWhileProcessedWaitsForItsWorker() throws InterruptedException {
        queue.add(A);
        assertThat(queue.take()).contains(A);
        queue.add(A);
        queue.add(B);
        // A is being processed: a second worker gets B, not A.
        assertThat(queue.take()).contains(B);
        queue.done(B);
        queue.done(A);
        assertThat(queue.take()).contains(A);
    }

    @Test
    void waitingKeysComeDueWithTheClock() {
        queue.addAt(A, T0.plusSeconds(10));
        queue.addAt(A, T0.plusSeconds(5));
        assertThat(queue.nextDue()).contains(T0.plusSeconds(5));
        assertThat(queue.promoteDue(T0.plusSeconds(4))).isZero();
        assertThat(queue.idle()).isTrue();
        assertThat(queue.promoteDue(T0.plusSeconds(5))).isEqualTo(1);
        assertThat(queue.idle()).isFalse();
        assertThat(queue.nextDue()).isEmpty();
    }

    @Test
    void shutDownReleasesWorkers() throws InterruptedException {
        queue.shutDown();
        assertThat(queue.take()).isEmpty();
    }
}
