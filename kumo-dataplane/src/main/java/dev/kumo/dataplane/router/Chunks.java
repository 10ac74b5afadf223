package dev.kumo.dataplane.router;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The framing of a body the Netty front sends on chunked (RFC 9112 §7.1): a request body Netty's decoder de-chunked,
 * a response body without a length. Each chunk is its size line, the data as read, and a CRLF.
 */
final class Chunks {

    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final short CRLF = ('\r' << 8) | '\n';
    private static final short COLON_SPACE = (':' << 8) | ' ';

    private Chunks() {
    }

    /** The line before a chunk of {@code size} bytes: the size in hex and CRLF. */
    static ByteBuf sizeLine(ByteBufAllocator alloc, int size) {
        ByteBuf line = alloc.buffer(10);
        line.writeCharSequence(Integer.toHexString(size), StandardCharsets.US_ASCII);
        return line.writeShort(CRLF);
    }

    /** The CRLF after a chunk's data. */
    static ByteBuf dataEnd(ByteBufAllocator alloc) {
        return alloc.buffer(2).writeShort(CRLF);
    }

    /** The body's end: the last chunk, {@code trailers} but hop-by-hop ones (none: empty) and the empty line. */
    static ByteBuf last(ByteBufAllocator alloc, HttpHeaders trailers) {
        if (trailers.isEmpty()) {
            return Unpooled.wrappedBuffer(LAST_CHUNK);
        }
        ByteBuf out = alloc.buffer(64);
        out.writeByte('0').writeShort(CRLF);
        Iterator<Map.Entry<CharSequence, CharSequence>> all = trailers.iteratorCharSequence();
        while (all.hasNext()) {
            Map.Entry<CharSequence, CharSequence> trailer = all.next();
            if (ForwardingHeaders.isHopByHop(trailer.getKey())) {
                continue; // this hop's business, as in a head (the decoder refuses framing trailers)
            }
            ByteBufUtil.writeAscii(out, trailer.getKey());
            out.writeShort(COLON_SPACE);
            ByteBufUtil.writeAscii(out, trailer.getValue());
            out.writeShort(CRLF);
        }
        return out.writeShort(CRLF);
    }
}
