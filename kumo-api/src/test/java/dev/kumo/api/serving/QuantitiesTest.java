package dev.kumo.api.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.api.serving.pod.Quantities;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Kubernetes resource quantities as the runtime takes them: binary and decimal suffixes, millis, exponents. */
class QuantitiesTest {

    @ParameterizedTest
    @CsvSource({"64Mi, 67108864", "1Gi, 1073741824", "1G, 1000000000", "500m, 0.5", "0.25, 0.25", "2, 2",
        "1e3, 1000", "1.5Ki, 1536", "128974848, 128974848", "100k, 100000"})
    void parses(String text, String value) {
        assertThat(Quantities.parse(text, "f")).isEqualByComparingTo(new BigDecimal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "64MB", "-1", "1.2.3", "Mi", "lots"})
    void refusesWhatIsNotAQuantity(String text) {
        assertThatThrownBy(() -> Quantities.parse(text, "spec.containers[0].resources.limits.memory"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("spec.containers[0].resources.limits.memory: \"" + text + "\" is not a "
                        + "quantity");
    }

    @ParameterizedTest
    @CsvSource({"0.5, 1", "1.0001, 2", "64, 64"})
    void roundsUpToWholeUnits(String value, long whole) {
        assertThat(Quantities.ceil(new BigDecimal(value), "f")).isEqualTo(whole);
    }
}
