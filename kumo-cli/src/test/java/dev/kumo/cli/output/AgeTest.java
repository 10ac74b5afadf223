package dev.kumo.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AgeTest {

    static Stream<Arguments> durations() {
        return Stream.of(
                Arguments.of(Duration.ofSeconds(-5), "<invalid>"),
                Arguments.of(Duration.ofMillis(-1500), "0s"),
                Arguments.of(Duration.ZERO, "0s"),
                Arguments.of(Duration.ofSeconds(45), "45s"),
                Arguments.of(Duration.ofSeconds(119), "119s"),
                Arguments.of(Duration.ofSeconds(120), "2m"),
                Arguments.of(Duration.ofSeconds(5 * 60 + 30), "5m30s"),
                Arguments.of(Duration.ofSeconds(9 * 60 + 59), "9m59s"),
                Arguments.of(Duration.ofMinutes(10).plusSeconds(30), "10m"),
                Arguments.of(Duration.ofMinutes(179), "179m"),
                Arguments.of(Duration.ofHours(3), "3h"),
                Arguments.of(Duration.ofHours(3).plusMinutes(5), "3h5m"),
                Arguments.of(Duration.ofHours(7).plusMinutes(59), "7h59m"),
                Arguments.of(Duration.ofHours(8).plusMinutes(30), "8h"),
                Arguments.of(Duration.ofHours(47), "47h"),
                Arguments.of(Duration.ofHours(48), "2d"),
                Arguments.of(Duration.ofHours(51), "2d3h"),
                Arguments.of(Duration.ofDays(7).plusHours(23), "7d23h"),
                Arguments.of(Duration.ofDays(8).plusHours(5), "8d"),
                Arguments.of(Duration.ofDays(729), "729d"),
                Arguments.of(Duration.ofDays(730), "2y"),
                Arguments.of(Duration.ofDays(365 * 3 + 10), "3y10d"),
                Arguments.of(Duration.ofDays(365 * 9), "9y"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("durations")
    void formatsLikeKubectl(Duration duration, String expected) {
        assertThat(Age.format(duration)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @MethodSource("timestamps")
    void agesOfTimestamps(String timestamp, String expected) {
        assertThat(Age.since(timestamp, Instant.parse("2025-01-01T01:00:00Z"))).isEqualTo(expected);
    }

    static Stream<Arguments> timestamps() {
        return Stream.of(
                Arguments.of("2025-01-01T00:55:00Z", "5m"),
                Arguments.of("2025-01-01T02:00:00+02:00", "60m"),
                Arguments.of("", "<unknown>"),
                Arguments.of("yesterday", "<unknown>"));
    }
}
