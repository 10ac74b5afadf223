package dev.kumo.eventing.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentDecodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            plain             | plain
            hello%20world     | hello world
            %22quoted%22      | "quoted"
            caf%C3%A9         | café
            100%25            | 100%
            50%               | 50%
            %zz               | %zz
            a+b               | a+b
            """)
    void decodesPercentEscapesOnly(String encoded, String decoded) {
        assertThat(PercentDecoding.decode(encoded)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @CsvSource({"ce-subject, a b", "Content-Type, a%20b"})
    void onlyAttributeHeadersAreDecoded(String name, String expected) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(name, "a%20b");

        assertThat(PercentDecoding.decodeAttributes(headers).get(name)).isEqualTo(expected);
    }
}
