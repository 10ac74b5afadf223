package dev.kumo.dataplane.router;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.util.ReferenceCountUtil;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands a client connection to the Vert.x router from a request head on: the head is written again as the client
 * sent it (its bytes are gone into the decoder), preceded by a PROXY protocol v1 line carrying the client's address
 * (the internal listener alone expects one), then the bytes flow both ways unparsed until either side closes.
 * Costs one loopback connection and one extra copy each way per handed-off connection, not per request.
 */
final class Relay {

    private final InetSocketAddress router;
    private final Transport transport;
    private final ChannelGroup open;

    /** Relays to the Vert.x router's internal listener at {@code router}; its connections join {@code open}. */
    Relay(InetSocketAddress router, Transport transport, ChannelGroup open) {
        this.router = router;
        this.transport = transport;
        this.open = open;
    }

    /** Hands {@code ctx}'s connection over from {@code head} on; call from the front's handler, on its loop. */
    void handOff(ChannelHandlerContext ctx, HttpRequest head) {
        handOff(ctx, headBytes(head));
    }

    /**
     * Hands {@code ctx}'s connection over from {@code first} on (raw bytes, or a head written again); the front's
     * handlers leave the pipeline, and what the HTTP decoder had buffered follows {@code first}, undecoded.
     */
    void handOff(ChannelHandlerContext ctx, ByteBuf first) {
        Channel client = ctx.channel();
        client.config().setAutoRead(false);
        Splice toRouter = new Splice(null);
        toRouter.pending.add(proxyLine(client));
        toRouter.pending.add(first);
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addLast(toRouter);
        // The codec goes last: removing it passes the bytes it had not decoded yet on to toRouter.
        for (String name : FrontServer.HANDLERS) {
            if (pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
        new Bootstrap().group(client.eventLoop()).channel(transport.client()).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel toClient) {
                        transport.configure(toClient);
                        toClient.pipeline().addLast(new Splice(client));
                    }
                }).connect(router).addListener((ChannelFuture connected) -> {
                    if (!connected.isSuccess()) {
                        toRouter.releasePending();
                        client.close();
                    } else if (!client.isActive()) {
                        toRouter.releasePending(); // the client may have gone before the splice joined its pipeline
                        connected.channel().close();
                    } else {
                        open.add(connected.channel());
                        toRouter.connected(connected.channel());
                        client.config().setAutoRead(true);
                    }
                });
    }

    /**
     * {@code head} and the decoded pieces {@code behind} it (its body, pipelined requests) as bytes again, in order;
     * takes over the pieces' references.
     */
    static ByteBuf encoded(HttpRequest head, Iterable<Object> behind) {
        EmbeddedChannel encoder = new EmbeddedChannel(new HttpRequestEncoder());
        encoder.writeOutbound(head);
        behind.forEach(encoder::writeOutbound);
        CompositeByteBuf bytes = Unpooled.compositeBuffer(Integer.MAX_VALUE);
        for (ByteBuf piece = encoder.readOutbound(); piece != null; piece = encoder.readOutbound()) {
            bytes.addComponent(true, piece);
        }
        encoder.finishAndReleaseAll();
        return bytes;
    }

    /** PROXY protocol v1: {@code PROXY TCP4 client-ip local-ip client-port local-port}. */
    private static ByteBuf proxyLine(Channel client) {
        InetSocketAddress from = (InetSocketAddress) client.remoteAddress();
        InetSocketAddress to = (InetSocketAddress) client.localAddress();
        String family = from.getAddress() instanceof Inet6Address ? "TCP6" : "TCP4";
        return Unpooled.copiedBuffer("PROXY " + family + " " + from.getAddress().getHostAddress() + " "
                + to.getAddress().getHostAddress() + " " + from.getPort() + " " + to.getPort() + "\r\n",
                StandardCharsets.US_ASCII);
    }

    /** The request line and headers as received (Netty kept names and values as sent, ISO-8859-1). */
    private static ByteBuf headBytes(HttpRequest head) {
        StringBuilder text = new StringBuilder(256).append(head.method().name()).append(' ').append(head.uri())
                .append(' ').append(head.protocolVersion().text()).append("\r\n");
        for (Map.Entry<String, String> header : head.headers()) {
            text.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        return Unpooled.copiedBuffer(text.append("\r\n"), StandardCharsets.ISO_8859_1);
    }

    /** Copies one connection's bytes to its peer; what comes before the peer is connected waits in order. */
    private static final class Splice extends ChannelInboundHandlerAdapter {

        private Channel peer;
        private boolean inputClosed;
        private final List<Object> pending = new ArrayList<>(4);

        Splice(Channel peer) {
            this.peer = peer;
        }

        void connected(Channel peer) {
            this.peer = peer;
            pending.forEach(peer::write);
            pending.clear();
            ChannelFuture flushed = peer.writeAndFlush(Unpooled.EMPTY_BUFFER);
            if (inputClosed) {
                // Once written: on io_uring a flush only queues the write, and a shutdown at once sent the FIN
                // before the request (the Vert.x router closed a half-closed client's connection unanswered).
                flushed.addListener(written -> ((DuplexChannel) peer).shutdownOutput());
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof ByteBuf)) {
                ReferenceCountUtil.release(msg); // the decoder's empty end of a bodyless head
            } else if (peer == null) {
                pending.add(msg);
            } else {
                peer.write(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (peer != null) {
                peer.flush();
            }
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            if (peer != null) {
                peer.config().setAutoRead(ctx.channel().isWritable());
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof ChannelInputShutdownEvent) {
                if (peer != null) {
                    peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(
                            f -> ((DuplexChannel) peer).shutdownOutput()); // the client half-closed: so does the relay
                } else {
                    inputClosed = true;
                }
            }
            ctx.fireUserEventTriggered(event);
        }

        void releasePending() {
            pending.forEach(ReferenceCountUtil::release);
            pending.clear();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            releasePending();
            if (peer != null) {
                peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
