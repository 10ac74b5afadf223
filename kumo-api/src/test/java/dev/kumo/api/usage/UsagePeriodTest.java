package dev.kumo.api.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsagePeriodTest {

    @ParameterizedTest
    @CsvSource({"24h, PT24H", "90m, PT1H30M", "1h30m, PT1H30M", "7d, PT168H", "45s, PT45S", "90d, PT2160H"})
    void readsGoDurationsAndDays(String text, Duration expected) {
        assertThat(UsagePeriod.parse("--since", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "24", "1w", ""})
    void refusesWhatIsNoDurationNamingTheFieldAndTheFix(String text) {
        assertThatThrownBy(() -> UsagePeriod.parse("--since", text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--since \"" + text + "\"").hasMessageContaining("24h");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1h", "91d", "3000h"})
    void refusesPeriodsOutOfRange(String text) {
        assertThatThrownBy(() -> UsagePeriod.parse("since", text)).hasMessageContaining("out of range")
                .hasMessageContaining("90d");
    }
}
