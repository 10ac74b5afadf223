package dev.kumo.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void movesOnlyWhenTold() {
        ManualClock clock = ManualClock.atEpoch();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        clock.advance(Duration.ofSeconds(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
        clock.set(Instant.parse("2030-05-05T05:05:05Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-05-05T05:05:05Z"));
    }
}
