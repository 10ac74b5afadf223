package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body sent on chunked: size lines in hex, the data's end, the last chunk with and without trailers. */
class ChunksTest {

    private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

    @Test
    void theSizeLineIsTheSizeInHex() {
        assertThat(text(Chunks.sizeLine(ALLOC, 1))).isEqualTo("1\r\n");
        assertThat(text(Chunks.sizeLine(ALLOC, 300_000))).isEqualTo("493e0\r\n");
        assertThat(text(Chunks.sizeLine(ALLOC, Integer.MAX_VALUE))).isEqualTo("7fffffff\r\n");
        assertThat(text(Chunks.dataEnd(ALLOC))).isEqualTo("\r\n");
    }

    @Test
    void theLastChunkCarriesTheTrailersInTheirOrder() {
        DefaultHttpHeaders trailers = new DefaultHttpHeaders();
        trailers.add("x-sum", "42").add("X-Done", "yes");

        assertThat(text(Chunks.last(ALLOC, trailers))).isEqualTo("0\r\nx-sum: 42\r\nX-Done: yes\r\n\r\n");
        assertThat(text(Chunks.last(ALLOC, EmptyHttpHeaders.INSTANCE))).isEqualTo("0\r\n\r\n");
    }

    @Test
    void hopByHopTrailersStayWithThisHop() {
        DefaultHttpHeaders trailers = new DefaultHttpHeaders();
        trailers.add("Connection", "close").add("x-sum", "42").add("Keep-Alive", "timeout=1")
                .add("Proxy-Status", "x");

        assertThat(text(Chunks.last(ALLOC, trailers))).isEqualTo("0\r\nx-sum: 42\r\n\r\n");
    }

    private static String text(ByteBuf bytes) {
        try {
            return bytes.toString(StandardCharsets.US_ASCII);
        } finally {
            bytes.release();
        }
    }
}
