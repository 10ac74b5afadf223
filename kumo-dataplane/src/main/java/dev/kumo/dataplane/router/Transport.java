package dev.kumo.dataplane.router;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** The channel classes matching Vert.x's event loops: epoll's when Vert.x runs native, else NIO's. */
record Transport(Class<? extends ServerChannel> server, Class<? extends Channel> client) {

    static final Transport EPOLL = new Transport(EpollServerSocketChannel.class, EpollSocketChannel.class);
    static final Transport NIO = new Transport(NioServerSocketChannel.class, NioSocketChannel.class);

    /** The transport of {@code loop}. */
    static Transport of(EventLoop loop) {
        String name = loop.getClass().getName();
        if (name.startsWith("io.netty.channel.epoll.")) {
            return EPOLL;
        }
        if (name.startsWith("io.netty.channel.nio.")) {
            return NIO;
        }
        throw new IllegalStateException("the Netty front needs Vert.x on epoll or NIO event loops, not " + name
                + ": run the router with --router-engine vertx, or without io_uring");
    }
}
