package dev.kumo.dataplane.router;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AsciiString;

/**
 * Looks at a connection's first bytes once: HTTP/2's prior-knowledge preface ({@code PRI * HTTP/2.0}) hands the
 * connection to the Vert.x router untouched (h2c is the Vert.x router's); anything else goes on to the HTTP/1.x
 * codec, and this handler leaves the pipeline.
 */
final class H2cPreface extends ChannelInboundHandlerAdapter {

    static final String NAME = "kumoH2cPreface";
    private static final AsciiString PREFACE_START = AsciiString.of("PRI ");

    private final Relay relay;

    H2cPreface(Relay relay) {
        this.relay = relay;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && startsWithPreface(bytes)) {
            relay.handOff(ctx, bytes);
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(msg);
    }

    private static boolean startsWithPreface(ByteBuf bytes) {
        if (bytes.readableBytes() < PREFACE_START.length()) {
            return false;
        }
        for (int i = 0; i < PREFACE_START.length(); i++) {
            if (bytes.getByte(bytes.readerIndex() + i) != PREFACE_START.byteAt(i)) {
                return false;
            }
        }
        return true;
    }
}
