package dev.kumo.api.serving.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bounds as the config file states them and admission checks annotations against them. */
class BoundsTest {

    @Test
    void aRangeIsClosedAndSaysSoInKnativesWords() {
        Bounds<Double> percent = Bounds.range(1.0, 100.0);

        assertThat(percent.allowed()).accepts(1.0, 50.5, 100.0).rejects(0.99, 100.01, Double.NaN);
        assertThat(percent.want()).isEqualTo("1 to 100");
        assertThat(percent.range()).hasValueSatisfying(range -> assertThat(range.min()).isEqualTo(1.0));
    }

    @Test
    void aWholeSecondsRangeRefusesFractionsOfASecond() {
        Bounds<Duration> window = Bounds.wholeSeconds(Duration.ofSeconds(6), Duration.ofHours(1));

        assertThat(window.allowed()).accepts(Duration.ofSeconds(6), Duration.ofHours(1))
                .rejects(Duration.ofMillis(6500), Duration.ofSeconds(5), Duration.ofHours(1).plusSeconds(1));
        assertThat(window.want()).isEqualTo("whole seconds from 6s to 1h");
    }

    @Test
    void boundsReadAsKnativeWritesThem() {
        assertThat(Bounds.Range.bound(110.0)).isEqualTo("110");
        assertThat(Bounds.Range.bound(0.01)).isEqualTo("0.01");
        assertThat(Bounds.Range.bound(Duration.ZERO)).isEqualTo("0s");
        assertThat(Bounds.Range.bound(Duration.ofSeconds(6))).isEqualTo("6s");
        assertThat(Bounds.Range.bound(Duration.ofHours(1))).isEqualTo("1h");
    }

    @Test
    void aRuleOfItsOwnHasNoRange() {
        Bounds<Double> rate = Bounds.of(v -> v > 1, "more than 1");

        assertThat(rate.allowed()).accepts(1.5).rejects(1.0);
        assertThat(rate.range()).isEmpty();
    }
}
