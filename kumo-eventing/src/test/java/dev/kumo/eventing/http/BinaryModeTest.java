package dev.kumo.eventing.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinaryModeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "plain-value_1.2|plain-value_1.2",
            "100% sure|100%25%20sure",
            "say \"hi\"|say%20%22hi%22",
            "Euro €|Euro%20%E2%82%AC",
            "tab\there|tab%09here",
    })
    void valuesArePercentEncodedAsTheHttpBindingSays(String value, String encoded) {
        assertThat(BinaryMode.encode(value)).isEqualTo(encoded);
    }

    @org.junit.jupiter.api.Test
    void extensionValuesTakeTheirCanonicalStringForm() {
        assertThat(BinaryMode.text(OffsetDateTime.parse("2026-11-22T10:00:00Z"))).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(BinaryMode.text(new byte[] {1, 2, 3})).isEqualTo("AQID");
        assertThat(BinaryMode.text(42)).isEqualTo("42");
        assertThat(BinaryMode.text(true)).isEqualTo("true");
    }
}
