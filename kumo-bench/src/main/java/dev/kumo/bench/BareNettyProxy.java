package dev.kumo.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.incubator.channel.uring.IOUring;
import io.netty.incubator.channel.uring.IOUringEventLoopGroup;
import io.netty.incubator.channel.uring.IOUringServerSocketChannel;
import io.netty.incubator.channel.uring.IOUringSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The ceiling's bare Netty proxy: HTTP/1.1 codecs both ways, one upstream connection pinned to each inbound connection
 * on the inbound connection's event loop, the codec's objects (ByteBufs included) forwarded as they are, keep-alive
 * both ways. No routing, meters, header edits or error answers: the least a JVM proxy can do per request.
 */
final class BareNettyProxy implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel server;

    private BareNettyProxy(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    /** Listens on 127.0.0.1 (any free port) with {@code loops} event loops, forwarding to 127.0.0.1:{@code upstream}. */
    static BareNettyProxy start(int loops, int upstream) throws InterruptedException {
        return start(loops, upstream, null);
    }

    /**
     * The same, doing per request what Kumo's router must ({@code duties} non-null): a Host lookup, hop-by-hop
     * headers removed and forwarding headers added in place, an in-flight count, a first-byte timer, a latency
     * timer — an estimate of a Netty-level router path.
     */
    static BareNettyProxy start(int loops, int upstream, RouterDuties duties) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = epoll ? new EpollEventLoopGroup(loops) : new NioEventLoopGroup(loops);
        Class<? extends ServerChannel> serverType = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        Class<? extends Channel> clientType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        return start(group, serverType, clientType, upstream, duties);
    }

    /** The bare proxy on io_uring (Netty's incubator transport); throws if the kernel does not allow it. */
    static BareNettyProxy startIoUring(int loops, int upstream) throws InterruptedException {
        if (!IOUring.isAvailable()) {
            throw new IllegalStateException("io_uring is unavailable: " + IOUring.unavailabilityCause());
        }
        return start(new IOUringEventLoopGroup(loops), IOUringServerSocketChannel.class, IOUringSocketChannel.class,
                upstream, null);
    }

    private static BareNettyProxy start(EventLoopGroup group, Class<? extends ServerChannel> serverType,
            Class<? extends Channel> clientType, int upstream, RouterDuties duties) throws InterruptedException {
        Channel server = new ServerBootstrap().group(group).channel(serverType)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel inbound) {
                        inbound.config().setAutoRead(false);
                        inbound.pipeline().addLast(new HttpServerCodec(), new Inbound(clientType, upstream, duties));
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        return new BareNettyProxy(group, server);
    }

    int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.close().sync();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
    }

    /** The client side: connects the pinned upstream first, then reads and writes each request object to it. */
    private static final class Inbound extends ChannelInboundHandlerAdapter {
        private final Class<? extends Channel> clientType;
        private final int upstreamPort;
        private final RouterDuties duties;
        private final RouterDuties.Exchange exchange;
        private Channel upstream;

        Inbound(Class<? extends Channel> clientType, int upstreamPort, RouterDuties duties) {
            this.clientType = clientType;
            this.upstreamPort = upstreamPort;
            this.duties = duties;
            this.exchange = duties == null ? null : new RouterDuties.Exchange();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel inbound = ctx.channel();
            new Bootstrap().group(inbound.eventLoop()).channel(clientType).option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new Outbound(inbound, duties,
                                    exchange));
                        }
                    }).connect("127.0.0.1", upstreamPort).addListener((ChannelFutureListener) connected -> {
                        if (!inbound.isActive()) {
                            connected.channel().close(); // the client left while the upstream was connecting
                        } else if (connected.isSuccess()) {
                            upstream = connected.channel();
                            inbound.config().setAutoRead(true);
                        } else {
                            inbound.close();
                        }
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (duties != null && msg instanceof HttpRequest request) {
                duties.request(ctx.channel(), request, exchange);
            }
            if (msg instanceof LastHttpContent) {
                upstream.writeAndFlush(msg, upstream.voidPromise());
            } else {
                upstream.write(msg, upstream.voidPromise());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (duties != null) {
                duties.abandon(exchange);
            }
            if (upstream != null) {
                upstream.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The instance side: writes each response object back to the pinned inbound connection. */
    private static final class Outbound extends ChannelInboundHandlerAdapter {
        private final Channel inbound;
        private final RouterDuties duties;
        private final RouterDuties.Exchange exchange;

        Outbound(Channel inbound, RouterDuties duties, RouterDuties.Exchange exchange) {
            this.inbound = inbound;
            this.duties = duties;
            this.exchange = exchange;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (duties != null) {
                if (msg instanceof HttpResponse response) {
                    duties.responseHead(response, exchange);
                }
                if (msg instanceof LastHttpContent) {
                    duties.responseEnd(exchange);
                }
            }
            if (!inbound.isActive()) {
                ReferenceCountUtil.release(msg);
            } else if (msg instanceof LastHttpContent) {
                inbound.writeAndFlush(msg, inbound.voidPromise());
            } else {
                inbound.write(msg, inbound.voidPromise());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (duties != null) {
                duties.abandon(exchange);
            }
            inbound.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
