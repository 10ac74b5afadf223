package dev.kumo.api.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.serving.autoscaling.GoDuration;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations parse as Go's time.ParseDuration reads them and print as its Duration.String does. */
class GoDurationTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(nullValues = "none", value = {
        "60s, PT1M", "1m30s, PT1M30S", "1h, PT1H", "1.5h, PT1H30M", "500ms, PT0.5S", "0, PT0S", "-1s, PT-1S",
        "+2m, PT2M", "1h2m3s4ms, PT1H2M3.004S", "10us, PT0.00001S", "7ns, PT0.000000007S",
        "60, none", "s, none", "1x, none", "'', none", "1 s, none", "., none", "1.s, PT1S"})
    void parsesLikeGo(String text, String expected) {
        assertThat(GoDuration.parse(text).map(Duration::toString).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"PT0S, 0s", "PT0.2S, 200ms", "PT0.0015S, 1.5ms", "PT1S, 1s", "PT1.5S, 1.5s", "PT20S, 20s",
        "PT2M, 2m0s", "PT5M30S, 5m30s", "PT1H, 1h0m0s", "PT1H2M5S, 1h2m5s"})
    void printsLikeGo(String duration, String expected) {
        assertThat(GoDuration.text(Duration.parse(duration))).isEqualTo(expected);
    }
}
