package dev.kumo.dataplane.router;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Passes a tunnel client's half-close (its FIN) on to the instance once what it sent before has gone, as a TCP proxy
 * does. The router's client connections allow half-closure (kumo-http's guard), which Vert.x's sockets never hear
 * of: without this, a client gone with a FIN left its tunnel open and counted in flight for good.
 */
final class TunnelHalfClose extends ChannelInboundHandlerAdapter {

    private static final String NAME = "kumoTunnelHalfClose";

    private final Channel instance;

    private TunnelHalfClose(Channel instance) {
        this.instance = instance;
    }

    /** Watches {@code client}'s input for its end, to end the output of the connection to the instance then. */
    static void install(NetSocket client, HttpConnection instance) {
        if (client instanceof ConnectionBase from && instance instanceof ConnectionBase to) {
            ChannelHandlerContext vertx = from.channelHandlerContext();
            vertx.pipeline().addBefore(vertx.name(), NAME, new TunnelHalfClose(to.channelHandlerContext().channel()));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent && instance instanceof DuplexChannel duplex) {
            instance.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> duplex.shutdownOutput());
        }
        ctx.fireUserEventTriggered(event);
    }
}
