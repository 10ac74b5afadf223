package dev.kumo.api.serving.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The decider's input records: derived values and the invariants they check of themselves. */
class ScalingSettingsTest {

    @Test
    void targetIsTotalTimesUtilizationButAtLeastOneHundredth() {
        assertThat(DeciderSpec.builder().build().targetValue()).isEqualTo(70);
        assertThat(DeciderSpec.builder().totalValue(12).targetUtilization(0.75).build().targetValue())
                .isEqualTo(9);
        // TestResolveMetricTarget "with target annotation 1 and TU=0.1%"
        assertThat(DeciderSpec.builder().totalValue(1).targetUtilization(0.001).build().targetValue())
                .isEqualTo(AutoscalingKeys.TARGET_MIN);
    }

    /** Knative's MakeMetric: stable × percentage, rounded to a second, at least one second. */
    @Test
    void panicWindowIsAPercentageOfTheStableWindowInWholeSeconds() {
        assertThat(DeciderSpec.builder().build().panicWindow()).isEqualTo(Duration.ofSeconds(6));
        assertThat(DeciderSpec.builder().stableWindow(Duration.ofSeconds(7)).build().panicWindow())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(DeciderSpec.builder().stableWindow(Duration.ofSeconds(25)).panicWindowPercentage(10).build()
                .panicWindow()).as("2.5s rounds half away from zero").isEqualTo(Duration.ofSeconds(3));
        assertThat(DeciderSpec.builder().stableWindow(Duration.ofSeconds(90)).panicWindowPercentage(100).build()
                .panicWindow()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badNumbersAreRefusedWithTheFieldAndTheFix() {
        assertThatThrownBy(() -> DeciderSpec.builder().targetBurstCapacity(-2).build())
                .hasMessage("scaling setting targetBurstCapacity is -2.0: want -1 (activator always in the path) "
                        + "or >= 0");
        assertThatThrownBy(() -> ScaleBounds.builder().min(3).max(2).build())
                .hasMessage("scaling setting maxScale is 2: is below minScale 3; raise it or use 0 (unlimited)");
        assertThatThrownBy(() -> DeciderSpec.builder().stableWindow(Duration.ofMillis(6500)).build())
                .hasMessageContaining("stableWindow is PT6.5S: want whole seconds");
    }
}
