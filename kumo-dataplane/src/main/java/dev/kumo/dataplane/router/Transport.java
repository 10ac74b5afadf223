package dev.kumo.dataplane.router;

import io.netty.channel.Channel;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
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
     * One read per read loop on io_uring, so that every read ends with a read-complete and no recv stays pending.
     * Netty's io_uring incubator, after a read that fills its buffer, submits another recv rather than ending the
     * loop; that recv waits for more bytes, so (1) what the handlers wrote on the read, flushed at read-complete as
     * the front's are, stays unflushed and a request/response connection hangs (h2c relayed by the front after ~80
     * streams; a request of exactly the adaptive buffer's 64 bytes; likely the ~49 answers after which Vert.x's client
     * over io_uring hung, README's router3), and (2) a close waits for that recv, for good on an idle connection. With
     * one message per read the loop ends after each read and the next read waits on a poll, as after any short read.
     */
    static final RecvByteBufAllocator ONE_READ_PER_LOOP = new AdaptiveRecvByteBufAllocator().maxMessagesPerRead(1);

    /** Configures {@code channel} of this transport for the front's handlers (see {@link #ONE_READ_PER_LOOP}). */
    void configure(Channel channel) {
        if (!completesFullReads) {
            channel.config().setRecvByteBufAllocator(ONE_READ_PER_LOOP);
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
