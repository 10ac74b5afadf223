package dev.kumo.eventing.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentDecodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            plain                         | plain
            hello%20world                 | hello world
            %22quoted%22                  | "quoted"
            caf%C3%A9                     | café
            caf%c3%a9                     | café
            100%25                        | 100%
            a+b                           | a+b
            Euro%20%E2%82%AC%20%F0%9F%98%80 | Euro € 😀
            """)
    void decodesPercentEscapes(String encoded, String decoded) {
        assertThat(PercentDecoding.decode(encoded)).isEqualTo(decoded);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            '"hello world"'           | hello world
            '"say \\"hi\\""'          | say "hi"
            '"a%20b"'                 | a b
            """)
    void aDoubleQuotedValueIsUnquotedBeforeDecoding(String quoted, String decoded) {
        assertThat(PercentDecoding.decode(quoted)).isEqualTo(decoded);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a%zzb     | '%zz' at position 1
            50%       | '%' at position 2
            trunc%4   | '%4' at position 5
            %C0%A0    | not valid UTF-8
            caf%C3    | not valid UTF-8
            """)
    void malformedEscapesAndInvalidUtf8AreRefused(String encoded, String reason) {
        assertThatThrownBy(() -> PercentDecoding.decode(encoded))
                .isInstanceOf(PercentDecoding.InvalidEncoding.class)
                .hasMessageContaining(reason)
                .hasMessageContaining(encoded);
    }

    @ParameterizedTest
    @CsvSource({"ce-subject, a b", "Content-Type, a%20b"})
    void onlyAttributeHeadersAreDecoded(String name, String expected) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(name, "a%20b");

        assertThat(PercentDecoding.decodeAttributes(headers).get(name)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aMalformedAttributeHeaderIsNamedInTheError() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("ce-subject", "a%zzb").add("Accept", "50%");

        assertThatThrownBy(() -> PercentDecoding.decodeAttributes(headers))
                .isInstanceOf(PercentDecoding.InvalidEncoding.class)
                .hasMessageStartingWith("header ce-subject")
                .hasMessageContaining("%25");
    }
}
