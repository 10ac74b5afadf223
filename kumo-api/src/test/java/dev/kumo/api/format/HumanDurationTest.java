package dev.kumo.api.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

    @ParameterizedTest
    @CsvSource({"-5,<invalid>", "0,0s", "119,119s", "120,2m", "150,2m30s", "600,10m", "10799,179m", "10800,3h",
        "12600,3h30m", "28800,8h", "172799,47h", "172800,2d", "183600,2d3h", "691200,8d", "63072000,2y",
        "63158400,2y1d", "252288000,8y"})
    void formatsLikeKubectl(long seconds, String expected) {
        assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }
}
