package dev.kumo.dataplane.router;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** The router's own answers, as the Vert.x path writes them: plain text, the message and a newline. */
final class Answers {

    private Answers() {
    }

    /** {@code status} with {@code message}; {@code close} adds {@code Connection: close}. */
    static FullHttpResponse text(ByteBufAllocator alloc, HttpVersion version, int status, String message,
            boolean close) {
        ByteBuf body = ByteBufUtil.writeUtf8(alloc, message + "\n");
        FullHttpResponse response = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(status), body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }
}
