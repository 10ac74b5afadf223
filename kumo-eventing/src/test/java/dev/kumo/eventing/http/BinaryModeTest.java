package dev.kumo.eventing.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinaryModeTest {

    /** Issue #10: as sdk-go's httpRequestWriter, values go out as they are (they were percent-encoded before). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain-value_1.2",
            "100% sure",
            "say \"hi\"",
            "Euro €",
            "tab\there",
            "%41 stays %41",
    })
    void valuesGoOutAsTheirUtf8Bytes(String value) {
        assertThat(BinaryMode.wire(value).getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo(value.getBytes(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void controlCharactersAHeaderCannotCarryArePercentEncoded() {
        assertThat(BinaryMode.wire("line\nbreak")).isEqualTo("line%0Abreak");
        assertThat(BinaryMode.wire("cr\rlf")).isEqualTo("cr%0Dlf");
        assertThat(BinaryMode.wire("nul\u0000")).isEqualTo("nul%00");
        assertThat(BinaryMode.wire("del\u007f")).isEqualTo("del%7F");
    }

    @org.junit.jupiter.api.Test
    void extensionValuesTakeTheirCanonicalStringForm() {
        assertThat(BinaryMode.text(OffsetDateTime.parse("2026-11-22T10:00:00Z"))).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(BinaryMode.text(new byte[] {1, 2, 3})).isEqualTo("AQID");
        assertThat(BinaryMode.text(42)).isEqualTo("42");
        assertThat(BinaryMode.text(true)).isEqualTo("true");
    }
}
