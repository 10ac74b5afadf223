package dev.kumo.dataplane.router;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The end of an instance connection's pipeline: reads the response's bytes for where its head and body end
 * ({@link ResponseHead}, {@link ChunkScanner}) and hands them, as slices of what was read, to the exchange that uses
 * the connection. Performance: the response is never decoded into objects; only its head is copied (without the
 * hop-by-hop lines).
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private enum State { HEAD, LENGTH, CHUNKED, UNTIL_CLOSE, DONE }

    private final ChunkScanner chunks = new ChunkScanner();
    private FrontExchange exchange;
    private State state = State.DONE;
    private long remaining;
    private ByteBuf partial;

    /** The handler of an instance connection, last in its pipeline. Performance: no search by class. */
    static UpstreamHandler of(Channel channel) {
        return (UpstreamHandler) channel.pipeline().last();
    }

    /** The exchange that uses the connection now, whose response comes next ({@code null}: idle). */
    void exchange(FrontExchange exchange) {
        this.exchange = exchange;
        state = exchange == null ? State.DONE : State.HEAD;
        chunks.reset();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (exchange == null || state == State.DONE || !(msg instanceof ByteBuf in)) {
            ReferenceCountUtil.release(msg);
            ctx.close(); // an idle connection that speaks, bytes past the response: not reusable
            return;
        }
        ByteBuf buf = partial == null ? in : joined(ctx, in);
        partial = null;
        try {
            if (read(ctx, buf)) {
                partial = buf; // a head not all here yet
                buf = null;
            } else if (buf.isReadable()) {
                ctx.close(); // bytes past the response's end
            }
        } catch (HttpSyntaxException e) {
            FrontExchange current = exchange;
            exchange(null);
            ctx.close();
            if (current != null) {
                current.responseMalformed(e.getMessage());
            }
        } finally {
            if (buf != null) {
                buf.release();
            }
        }
    }

    /** Reads what {@code buf} holds of the response; true if the rest is a head that has not all come. */
    private boolean read(ChannelHandlerContext ctx, ByteBuf buf) {
        while (buf.isReadable() && exchange != null) {
            switch (state) {
                case HEAD -> {
                    ResponseHead head = ResponseHead.read(buf, ctx.alloc(), exchange.headRequest());
                    if (head == null) {
                        return true;
                    }
                    head(head);
                }
                case LENGTH -> {
                    int take = (int) Math.min(remaining, buf.readableBytes());
                    remaining -= take;
                    body(buf.readRetainedSlice(take), remaining == 0);
                }
                case CHUNKED -> {
                    int end = chunks.scan(buf, buf.readerIndex(), buf.writerIndex());
                    body(buf.readRetainedSlice((end < 0 ? buf.writerIndex() : end) - buf.readerIndex()), end >= 0);
                }
                case UNTIL_CLOSE -> body(buf.readRetainedSlice(buf.readableBytes()), false);
                case DONE -> {
                    return false;
                }
            }
        }
        return false;
    }

    private void head(ResponseHead head) {
        int status = head.status();
        if (status < 200) {
            head.head().release();
            if (status == 101) {
                throw new HttpSyntaxException("a 101 Switching Protocols to a request that asked for no upgrade");
            }
            return; // 100 Continue and other interim answers are the instance's and this hop's business
        }
        switch (head.framing()) {
            case NONE -> state = State.DONE;
            case LENGTH -> {
                state = State.LENGTH;
                remaining = head.length();
            }
            case CHUNKED -> state = State.CHUNKED;
            case CLOSE -> state = State.UNTIL_CLOSE;
        }
        exchange.responseHead(head, state == State.DONE);
    }

    private void body(ByteBuf piece, boolean last) {
        if (last) {
            state = State.DONE;
        }
        exchange.responseBody(piece, last);
    }

    /** The head begun in an earlier read, with {@code in} after it. */
    private ByteBuf joined(ChannelHandlerContext ctx, ByteBuf in) {
        ByteBuf both = ctx.alloc().buffer(partial.readableBytes() + in.readableBytes());
        both.writeBytes(partial).writeBytes(in);
        partial.release();
        in.release();
        return both;
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
        if (partial != null) {
            partial.release();
            partial = null;
        }
        if (exchange != null && state == State.UNTIL_CLOSE) {
            body(Unpooled.EMPTY_BUFFER, true); // a body without a length ends with the connection
        } else if (exchange != null) {
            exchange.upstreamClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
