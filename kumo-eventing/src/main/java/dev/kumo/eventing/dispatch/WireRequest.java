package dev.kumo.eventing.dispatch;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.vertx.core.MultiMap;
import java.util.Map;

/**
 * One delivery's POST as bytes: the request line, {@code Host}, the headers Vert.x's client would send (the caller's,
 * then {@code content-length}), written into one buffer; the body goes after it as it is. Each header char is one byte,
 * as Netty's encoder writes it (values are made wire-safe by {@code BinaryMode.wire} and checked by the validating
 * {@link MultiMap} they were set into).
 */
record WireRequest(String hostHeader, String pathAndQuery, MultiMap headers, byte[] body) {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] COLON = {':', ' '};

    /** The head, ending with the blank line. */
    ByteBuf head(ByteBufAllocator allocator) {
        ByteBuf head = allocator.buffer(256 + 48 * headers.size());
        ByteBufUtil.writeAscii(head, "POST ");
        ByteBufUtil.writeAscii(head, pathAndQuery);
        ByteBufUtil.writeAscii(head, " HTTP/1.1\r\nhost: ");
        ByteBufUtil.writeAscii(head, hostHeader);
        head.writeBytes(CRLF);
        for (Map.Entry<String, String> header : headers) {
            ByteBufUtil.writeAscii(head, header.getKey());
            head.writeBytes(COLON);
            ByteBufUtil.writeAscii(head, header.getValue());
            head.writeBytes(CRLF);
        }
        ByteBufUtil.writeAscii(head, "content-length: ");
        ByteBufUtil.writeAscii(head, Integer.toString(body.length));
        head.writeBytes(CRLF);
        head.writeBytes(CRLF);
        return head;
    }
}
