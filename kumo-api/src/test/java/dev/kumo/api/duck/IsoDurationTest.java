package dev.kumo.api.duck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ISO-8601 durations as Knative's delivery spec takes them. */
class IsoDurationTest {

    @ParameterizedTest
    @CsvSource({"PT0.2S, PT0.2S", "PT1M, PT1M", "PT1H30M, PT1H30M", "P1D, PT24H", "P1DT2H, PT26H", "P1W, PT168H",
        "'PT0,5S', PT0.5S", "-PT1S, PT-1S", "PT0S, PT0S", "P1Y, PT8760H", "P1M, PT720H"})
    void parses(String text, String expected) {
        assertThat(IsoDuration.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "200ms", "1s", "PT1", "T1S", "P1H", "PT1D", "PT-1S", "pt1s"})
    void refuses(String text) {
        assertThat(IsoDuration.parse(text)).isEmpty();
    }
}
