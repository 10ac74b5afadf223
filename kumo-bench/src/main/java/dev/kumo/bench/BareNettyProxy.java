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
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
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
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = epoll ? new EpollEventLoopGroup(loops) : new NioEventLoopGroup(loops);
        Class<? extends ServerChannel> serverType = epoll ? EpollServerSocketChannel.class
                : NioServerSocketChannel.class;
        Class<? extends Channel> clientType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        Channel server = new ServerBootstrap().group(group).channel(serverType)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel inbound) {
                        inbound.config().setAutoRead(false);
                        inbound.pipeline().addLast(new HttpServerCodec(), new Inbound(clientType, upstream));
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
        private Channel upstream;

        Inbound(Class<? extends Channel> clientType, int upstreamPort) {
            this.clientType = clientType;
            this.upstreamPort = upstreamPort;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel inbound = ctx.channel();
            new Bootstrap().group(inbound.eventLoop()).channel(clientType).option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new Outbound(inbound));
                        }
                    }).connect("127.0.0.1", upstreamPort).addListener((ChannelFutureListener) connected -> {
                        if (connected.isSuccess()) {
                            upstream = connected.channel();
                            inbound.config().setAutoRead(true);
                        } else {
                            inbound.close();
                        }
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof LastHttpContent) {
                upstream.writeAndFlush(msg, upstream.voidPromise());
            } else {
                upstream.write(msg, upstream.voidPromise());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
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

        Outbound(Channel inbound) {
            this.inbound = inbound;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
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
            inbound.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
