package dev.kumo.dataplane.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
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
        BiFunction<Integer, ThreadFactory, EventLoopGroup> groups, boolean completesFullReads) {

    static final Transport IO_URING = new Transport("io_uring", IOUringServerSocketChannel.class,
            IOUringSocketChannel.class, IOUringEventLoopGroup::new, false);
    static final Transport EPOLL = new Transport("epoll", EpollServerSocketChannel.class, EpollSocketChannel.class,
            EpollEventLoopGroup::new, true);
    static final Transport NIO = new Transport("nio", NioServerSocketChannel.class, NioSocketChannel.class,
            NioEventLoopGroup::new, true);

    /**
     * Makes {@code pipeline}'s read-completes come after every read, which the front's handlers flush on: epoll and
     * NIO fire one whenever a read loop ends, io_uring not after a read that filled its buffer
     * ({@link EveryReadCompletes}).
     */
    void completeEveryRead(ChannelPipeline pipeline) {
        if (!completesFullReads) {
            pipeline.addFirst(EveryReadCompletes.INSTANCE);
        }
    }

    /** {@code loops} event loops of this transport on threads from {@code threads}. */
    EventLoopGroup newGroup(int loops, ThreadFactory threads) {
        return groups.apply(loops, threads);
    }

    @Override
    public String toString() {
        return name;
    }
}
