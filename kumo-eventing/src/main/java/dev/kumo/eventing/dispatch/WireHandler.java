package dev.kumo.eventing.dispatch;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * Reads one connection's responses (decoded by Netty's strict {@code HttpResponseDecoder}: Content-Length, chunked or
 * to the close), one attempt at a time, and classifies each as {@link Outcome#ofResponse} does for Vert.x's client.
 * Informational (1xx) responses are skipped. A connection that closes, or a response that does not decode, fails the
 * attempt (retried, as a network error); bytes no attempt asked for close the connection.
 */
final class WireHandler extends ChannelInboundHandlerAdapter {

    /** Told when an attempt's response has been read whole: whether the connection may carry the next one. */
    interface Released {
        void released(WireHandler handler, boolean reusable);
    }

    private final Released pool;
    private WireAttempt current;
    private boolean informational;
    private int status;
    private HttpHeaders headers;
    private boolean keepAlive;
    private Buffer body;

    WireHandler(Released pool) {
        this.pool = pool;
    }

    /** {@code attempt}'s request is being sent on this connection. */
    void begin(WireAttempt attempt) {
        this.current = attempt;
        this.body = null;
        this.informational = false;
    }

    boolean idle() {
        return current == null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            WireAttempt attempt = current;
            if (attempt == null || attempt.ended()) {
                ctx.close(); // a response no one waits for (or to a timed-out attempt): never read as the next one's
                return;
            }
            attempt.touched();
            if (msg instanceof HttpObject decoded && decoded.decoderResult().isFailure()) {
                fail(ctx, decoded.decoderResult().cause());
                return;
            }
            if (msg instanceof HttpResponse response) {
                informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
                status = response.status().code();
                headers = response.headers();
                keepAlive = HttpUtil.isKeepAlive(response);
            }
            if (msg instanceof HttpContent content && !informational && content.content().isReadable()) {
                if (body == null) {
                    body = Buffer.buffer(content.content().readableBytes());
                }
                body.appendBytes(ByteBufUtil.getBytes(content.content()));
            }
            if (msg instanceof LastHttpContent) {
                if (informational) {
                    informational = false;
                    return;
                }
                finish(ctx, attempt);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void finish(ChannelHandlerContext ctx, WireAttempt attempt) {
        boolean reply = status == 200 && attempt.preferReply();
        Outcome outcome = Outcome.ofResponse(status, reply ? vertxHeaders(headers) : MultiMap.caseInsensitiveMultiMap(),
                body == null ? Buffer.buffer() : body, attempt.preferReply());
        current = null;
        headers = null;
        body = null;
        pool.released(this, keepAlive && ctx.channel().isActive());
        attempt.succeeded(outcome);
    }

    private static MultiMap vertxHeaders(HttpHeaders headers) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : headers) {
            copy.add(header.getKey(), header.getValue());
        }
        return copy;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        WireAttempt attempt = current;
        current = null;
        if (attempt != null) {
            attempt.failed(new HttpClosedException("Connection was closed"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause);
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        WireAttempt attempt = current;
        current = null;
        ctx.close();
        if (attempt != null) {
            attempt.failed(cause);
        }
    }
}
