package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the instances started in warm pods hold back the making of warm pods, and when they no longer do. */
class StartingHoldTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void everyInstanceStillStartingHoldsUntilItIsPastStarting() {
        StartingHold hold = new StartingHold(Duration.ofSeconds(10));
        assertThat(hold.quiet(T0)).as("nothing taken").isTrue();
        hold.taken("a-1", T0);
        hold.taken("b-1", T0.plusMillis(5));
        assertThat(hold.started("a-1")).isTrue();
        assertThat(hold.quiet(T0.plusMillis(200))).as("b-1 (another Revision's) is still starting").isFalse();
        assertThat(hold.started("b-1")).isTrue();
        assertThat(hold.quiet(T0.plusMillis(300))).isTrue();
    }

    @Test
    void anInstanceNotStartedInAWarmPodOrReportedTwiceHoldsNothing() {
        StartingHold hold = new StartingHold(Duration.ofSeconds(10));
        hold.taken("a-1", T0);
        assertThat(hold.started("cold-1")).isFalse();
        assertThat(hold.started("a-1")).isTrue();
        assertThat(hold.started("a-1")).as("its second report (Ready, then Stopped)").isFalse();
        assertThat(hold.quiet(T0)).isTrue();
    }

    @Test
    void aStartThatNeverEndsHoldsOnlyUntilTheLimit() {
        StartingHold hold = new StartingHold(Duration.ofSeconds(10));
        hold.taken("stuck-1", T0);
        assertThat(hold.quiet(T0.plusSeconds(9))).isFalse();
        assertThat(hold.quiet(T0.plusSeconds(10))).isTrue();
        assertThat(hold.started("stuck-1")).as("forgotten at the limit").isFalse();
    }
}
