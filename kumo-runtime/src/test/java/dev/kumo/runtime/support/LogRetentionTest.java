package dev.kumo.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The retention's decision, on times given: a stopped instance's log goes once its age after the stop has passed. */
class LogRetentionTest {

    private static final Instant STOPPED = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void aLogIsKeptUntilTheRetentionAfterTheStopHasPassed() {
        LogRetention retention = LogRetention.DEFAULTS;

        assertThat(retention.expired(STOPPED, STOPPED)).isFalse();
        assertThat(retention.expired(STOPPED, STOPPED.plus(Duration.ofHours(24)).minusNanos(1))).isFalse();
        assertThat(retention.expired(STOPPED, STOPPED.plus(Duration.ofHours(24)))).isTrue();
        assertThat(retention.withAfterStop(Duration.ZERO).expired(STOPPED, STOPPED)).as("0: dropped at stop").isTrue();
    }

    @Test
    void theDefaultsAreTenMebibytesAndADayAndBadValuesAreRefusedNamed() {
        assertThat(LogRetention.DEFAULTS).isEqualTo(new LogRetention(10L << 20, Duration.ofHours(24)));
        assertThatThrownBy(() -> LogRetention.DEFAULTS.withMaxBytes(100))
                .hasMessage("the log size kept per instance must be at least 2048 bytes, got 100");
        assertThatThrownBy(() -> LogRetention.DEFAULTS.withAfterStop(Duration.ofSeconds(-1)))
                .hasMessage("the log retention after stop must not be negative, got PT-1S");
    }
}
