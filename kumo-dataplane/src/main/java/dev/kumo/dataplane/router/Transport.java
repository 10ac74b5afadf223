package dev.kumo.dataplane.router;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.incubator.channel.uring.IOUringEventLoopGroup;
import io.netty.incubator.channel.uring.IOUringServerSocketChannel;
import io.netty.incubator.channel.uring.IOUringSocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;

/** A Netty transport the front's own event loops run on: its loop group and its channel classes. */
record Transport(String name, Class<? extends ServerChannel> server, Class<? extends Channel> client,
        BiFunction<Integer, ThreadFactory, EventLoopGroup> groups) {

    static final Transport IO_URING = new Transport("io_uring", IOUringServerSocketChannel.class,
            IOUringSocketChannel.class, IOUringEventLoopGroup::new);
    static final Transport EPOLL = new Transport("epoll", EpollServerSocketChannel.class, EpollSocketChannel.class,
            EpollEventLoopGroup::new);
    static final Transport NIO = new Transport("nio", NioServerSocketChannel.class, NioSocketChannel.class,
            NioEventLoopGroup::new);

    /** {@code loops} event loops of this transport on threads from {@code threads}. */
    EventLoopGroup newGroup(int loops, ThreadFactory threads) {
        return groups.apply(loops, threads);
    }

    @Override
    public String toString() {
        return name;
    }
}
