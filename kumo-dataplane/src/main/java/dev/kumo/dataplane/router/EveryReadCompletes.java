package dev.kumo.dataplane.router;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Ends every read with a read-complete, first in an io_uring channel's pipeline. Netty's io_uring incubator fires
 * {@code channelReadComplete} only after a read that did not fill its buffer: after a full one it submits another
 * recv, which waits for more bytes, and what the handlers wrote on the read (flushed at read-complete, as the
 * front's are) stays unflushed until the peer sends again — a request/response connection hangs for good (Vert.x's
 * client over io_uring after ~49 answers of 160 bytes, README's router3; h2c relayed by the front after ~80 streams).
 * The channel's own read-complete, which follows one of these, is not passed on. Shared: it keeps no state.
 */
@ChannelHandler.Sharable
final class EveryReadCompletes extends ChannelInboundHandlerAdapter {

    static final EveryReadCompletes INSTANCE = new EveryReadCompletes();

    private EveryReadCompletes() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.fireChannelRead(msg);
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Already fired after the read it ends (the pipeline's head has asked for the next read itself).
    }
}
