package dev.kumo.dataplane.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;

/** The end of an instance connection's pipeline: hands the response to the exchange that uses the connection. */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private FrontExchange exchange;

    static UpstreamHandler of(Channel channel) {
        return channel.pipeline().get(UpstreamHandler.class);
    }

    void exchange(FrontExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        FrontExchange current = exchange;
        if (current == null || !(msg instanceof HttpObject http) || http.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            ctx.close(); // an idle connection that speaks, a response that is not HTTP, raw bytes: not reusable
            return;
        }
        if (msg instanceof HttpResponse head) {
            current.responseHead(head);
        }
        if (msg instanceof HttpContent content) {
            current.responseContent(content);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.flushToClient();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.upstreamWritability(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.upstreamClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
