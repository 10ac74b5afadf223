package dev.kumo.eventing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryableTest {

    @ParameterizedTest
    @CsvSource({
        "404, true", "408, true", "409, true", "429, true", "500, true", "501, true", "503, true", "599, true",
        "400, false", "401, false", "403, false", "405, false", "410, false", "413, false", "422, false",
        "301, false", "302, false",
    })
    void retriesWhatKnativeRetries(int status, boolean retried) {
        assertThat(Retryable.status(status)).isEqualTo(retried);
    }

    @ParameterizedTest
    @CsvSource({"200, true", "202, true", "204, true", "299, true", "199, false", "300, false", "500, false"})
    void twoHundredsAreAccepted(int status, boolean accepted) {
        assertThat(Retryable.accepted(status)).isEqualTo(accepted);
    }
}
