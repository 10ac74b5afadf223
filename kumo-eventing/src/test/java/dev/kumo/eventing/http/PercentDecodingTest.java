package dev.kumo.eventing.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
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
        assertThat(PercentDecoding.read(encoded)).isEqualTo(new PercentDecoding.Decoded(decoded, false));
    }

    /** Issue #10: these were refused with 400; the npm and Go SDKs send them as they are, so they are kept. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            a%zzb
            50%
            trunc%4
            100% sure
            %C0%A0
            caf%C3
            %٣٣
            """)
    void aPercentThatDoesNotStartAValidEscapeIsTakenLiterallyAndReported(String sent) {
        assertThat(PercentDecoding.read(sent)).isEqualTo(new PercentDecoding.Decoded(sent, true));
    }

    /** Quotes are not an encoding of the binding: the SDKs send a quoted string's quotes as part of the value. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            '"hello world"'
            '"unterminated'
            'say "hi"'
            """)
    void quotesAreKeptAsSent(String sent) {
        assertThat(PercentDecoding.decode(sent)).isEqualTo(sent);
    }

    @Test
    void rawUtf8BytesAreReadAsUtf8AndOtherHighBytesAsLatin1() {
        assertThat(PercentDecoding.decode(onTheWire("Grüße € 😀".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("Grüße € 😀");
        assertThat(PercentDecoding.decode(onTheWire("café".getBytes(StandardCharsets.ISO_8859_1)))).isEqualTo("café");
        assertThat(PercentDecoding.decode(onTheWire("50% ü".getBytes(StandardCharsets.UTF_8)))).isEqualTo("50% ü");
    }

    /** The SDKs send a URI's own escapes as they are: decoding them would make the value no URI, so they stay. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ce-source     | /js/100%25            | /js/100%25
            ce-source     | https://x.example/a%20b | https://x.example/a%20b
            ce-dataschema | https://x.example/s%2Fj | https://x.example/s/j
            ce-source     | %2Fmy%2Fapp           | /my/app
            ce-source     | /100%                 | /100%
            ce-subject    | /js/100%25            | /js/100%
            """)
    void uriAttributesKeepTheirEscapesWhenDecodingWouldBreakTheUri(String name, String sent, String read) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(name, sent);

        assertThat(PercentDecoding.decodeAttributes(headers).get(name)).isEqualTo(read);
    }

    @ParameterizedTest
    @CsvSource({"ce-subject, a b", "Content-Type, a%20b"})
    void onlyAttributeHeadersAreDecoded(String name, String expected) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(name, "a%20b");

        assertThat(PercentDecoding.decodeAttributes(headers).get(name)).isEqualTo(expected);
    }

    @Test
    void headersWithNothingToDecodeAreReadAsTheyAre() {
        MultiMap plain = MultiMap.caseInsensitiveMultiMap().add("CE-Source", "/my/app").add("ce-id", "1")
                .add("Content-Type", "a%20b ü");
        MultiMap escaped = MultiMap.caseInsensitiveMultiMap().add("ce-id", "1").add("ce-subject", "a%20b");

        assertThat(PercentDecoding.decodeAttributes(plain)).isSameAs(plain);
        MultiMap decoded = PercentDecoding.decodeAttributes(escaped);
        assertThat(decoded).isNotSameAs(escaped);
        assertThat(decoded.get("ce-subject")).isEqualTo("a b");
    }

    @Test
    void eachAttributeValueWithALiteralPercentIsCounted() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("ce-subject", "a%zzb").add("ce-id", "50%")
                .add("ce-type", "a%20b").add("Accept", "50%");
        AtomicInteger literal = new AtomicInteger();

        MultiMap decoded = PercentDecoding.decodeAttributes(headers, literal::incrementAndGet);

        assertThat(decoded.get("ce-subject")).isEqualTo("a%zzb");
        assertThat(decoded.get("ce-id")).isEqualTo("50%");
        assertThat(decoded.get("ce-type")).isEqualTo("a b");
        assertThat(literal).hasValue(2);
    }

    /** What Netty hands over for these bytes: one char per byte. */
    private static String onTheWire(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
