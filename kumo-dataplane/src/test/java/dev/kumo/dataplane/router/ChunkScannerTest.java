package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Where a chunked body ends, fed whole and one byte at a time; what it refuses. */
class ChunkScannerTest {

    private static final String BODY = "5\r\nhello\r\n1a;name=\"v\"\r\nabcdefghijklmnopqrstuvwxyz\r\n"
            + "0\r\nx-checksum: 42\r\nx-more: yes\r\n\r\n";

    @Test
    void findsTheEndOfABodyWithExtensionsAndTrailersReadWhole() {
        ByteBuf in = ascii(BODY + "HTTP/1.1 200 OK\r\n");

        assertThat(new ChunkScanner().scan(in, 0, in.writerIndex())).isEqualTo(BODY.length());
    }

    @Test
    void findsTheSameEndWhenEveryByteArrivesInItsOwnRead() {
        ByteBuf in = ascii(BODY);
        ChunkScanner scanner = new ChunkScanner();
        for (int i = 0; i < BODY.length() - 1; i++) {
            assertThat(scanner.scan(in, i, i + 1)).as("byte %d", i).isEqualTo(-1);
        }

        assertThat(scanner.scan(in, BODY.length() - 1, BODY.length())).isEqualTo(BODY.length());
    }

    @Test
    void aChunkSizeSplitAcrossReadsCountsAllItsDigits() {
        String body = "10\r\n0123456789abcdef\r\n0\r\n\r\n";
        ByteBuf in = ascii(body);
        ChunkScanner scanner = new ChunkScanner();

        assertThat(scanner.scan(in, 0, 1)).isEqualTo(-1); // "1"
        assertThat(scanner.scan(in, 1, 20)).isEqualTo(-1); // "0\r\n" and 16 bytes of data
        assertThat(scanner.scan(in, 20, body.length())).isEqualTo(body.length());
    }

    @Test
    void twoBodiesOneAfterTheOtherEachEndWhereTheyShould() {
        String one = "3\r\nabc\r\n0\r\n\r\n";
        ByteBuf in = ascii(one + one);
        ChunkScanner scanner = new ChunkScanner();

        assertThat(scanner.scan(in, 0, in.writerIndex())).isEqualTo(one.length());
        assertThat(scanner.scan(in, one.length(), in.writerIndex())).isEqualTo(2 * one.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x\r\n", // not hex
        "5\nhello\r\n0\r\n\r\n", // bare LF after the size
        "5\r\nhelloX\r\n", // no CRLF after the data
        "5 x\r\n", // junk after the size
        "5;a\u0001b\r\n", // a control character in an extension
        "0\r\n folded: no\r\n\r\n", // an obs-folded trailer
        "0\r\nno-colon\r\n\r\n", // a trailer without a colon
        "0\r\n: no-name\r\n\r\n", // a trailer without a name
        "0\r\nx: a\rb\r\n\r\n", // a bare CR in a trailer
        "1000000000000000\r\n", // 16 hex digits
        "0\r\nX : y\r\n\r\n", // white space before a trailer's colon
        "0\r\nX<y>: z\r\n\r\n", // a trailer name that is not a token
        "0\r\nContent-Length: 7\r\n\r\n", // framing in the trailers
        "0\r\nX-A: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
        "0\r\nconnection: close\r\n\r\n", // hop-by-hop in the trailers
        "5\r\nhello\n0\r\n\r\n", // an LF alone after the data
    })
    void refusesWhatIsNotAChunkedBody(String body) {
        ByteBuf in = ascii(body);

        assertThatThrownBy(() -> new ChunkScanner().scan(in, 0, in.writerIndex()))
                .isInstanceOf(HttpSyntaxException.class).hasMessageStartingWith("malformed chunked body: ");
    }

    @Test
    void refusesTrailersLongerThanTheLimit() {
        ByteBuf in = ascii("0\r\nx: " + "a".repeat(ChunkScanner.MAX_LINE) + "\r\n\r\n");

        assertThatThrownBy(() -> new ChunkScanner().scan(in, 0, in.writerIndex()))
                .isInstanceOf(HttpSyntaxException.class).hasMessageContaining("longer than 8192 bytes");
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }
}
