package dev.kumo.api.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.serving.autoscaling.GoDuration;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations parse as Go's time.ParseDuration reads them. */
class GoDurationTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(nullValues = "none", value = {
        "60s, PT1M", "1m30s, PT1M30S", "1h, PT1H", "1.5h, PT1H30M", "500ms, PT0.5S", "0, PT0S", "-1s, PT-1S",
        "+2m, PT2M", "1h2m3s4ms, PT1H2M3.004S", "10us, PT0.00001S", "7ns, PT0.000000007S",
        "60, none", "s, none", "1x, none", "'', none", "1 s, none", "., none", "1.s, PT1S"})
    void parsesLikeGo(String text, String expected) {
        assertThat(GoDuration.parse(text).map(Duration::toString).orElse(null)).isEqualTo(expected);
    }
}
