package dev.kumo.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstanceStateTest {

    private static final InstanceAddress ADDRESS = new InstanceAddress("127.0.0.1", 8080);
    private static final Instant EXEC = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void readyKnowsTheWorkloadsOwnStartFromExecToReadiness() {
        InstanceState.Ready ready = new InstanceState.Ready(ADDRESS, EXEC.plusMillis(420), EXEC);

        assertThat(ready.startup()).isEqualTo(Duration.ofMillis(420));
    }

    @Test
    void readyBeforeTheRunWasLaunchedIsRefused() {
        assertThatThrownBy(() -> new InstanceState.Ready(ADDRESS, EXEC.minusMillis(1), EXEC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before its run was launched");
    }
}
