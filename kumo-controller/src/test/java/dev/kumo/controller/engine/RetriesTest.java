package dev.kumo.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final NamespacedName A = new NamespacedName("default", "a");
    private static final NamespacedName B = new NamespacedName("default", "b");

    private final Retries retries = new Retries(new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1)));

    @Test
    void consecutiveFailuresBackOffPerKey() {
        assertThat(retries.failed(A, NOW)).isEqualTo(NOW.plusMillis(10));
        assertThat(retries.failed(A, NOW)).isEqualTo(NOW.plusMillis(20));
        assertThat(retries.failed(B, NOW)).isEqualTo(NOW.plusMillis(10));
        assertThat(retries.failures(A)).isEqualTo(2);
    }

    @Test
    void forgettingStartsOver() {
        retries.failed(A, NOW);
        retries.failed(A, NOW);
        retries.forget(A);
        assertThat(retries.failures(A)).isZero();
        assertThat(retries.failed(A, NOW)).isEqualTo(NOW.plusMillis(10));
    }
}
