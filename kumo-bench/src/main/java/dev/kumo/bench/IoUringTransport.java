package dev.kumo.bench;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.incubator.channel.uring.IOUring;
import io.netty.incubator.channel.uring.IOUringDatagramChannel;
import io.netty.incubator.channel.uring.IOUringEventLoopGroup;
import io.netty.incubator.channel.uring.IOUringServerSocketChannel;
import io.netty.incubator.channel.uring.IOUringSocketChannel;
import io.vertx.core.spi.transport.Transport;
import java.util.concurrent.ThreadFactory;

/**
 * Vert.x's transport over Netty's io_uring incubator (TCP and UDP; no domain sockets). Not registered as a service:
 * Vert.x takes a registered transport for every instance that prefers a native one, and Kumo's API listener needs
 * epoll's domain sockets, so only the bench builds a Vert.x with it ({@link BenchVertx}).
 */
final class IoUringTransport implements Transport {

    @Override
    public boolean isAvailable() {
        return IOUring.isAvailable();
    }

    @Override
    public Throwable unavailabilityCause() {
        return IOUring.unavailabilityCause();
    }

    @Override
    public EventLoopGroup eventLoopGroup(int type, int threads, ThreadFactory threadFactory, int ioRatio) {
        return new IOUringEventLoopGroup(threads, threadFactory);
    }

    @Override
    public DatagramChannel datagramChannel() {
        return new IOUringDatagramChannel();
    }

    @Override
    public DatagramChannel datagramChannel(InternetProtocolFamily family) {
        return new IOUringDatagramChannel(family);
    }

    @Override
    public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
        if (domainSocket) {
            throw new IllegalArgumentException("io_uring transport: domain sockets are not supported (use epoll)");
        }
        return IOUringSocketChannel::new;
    }

    @Override
    public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
        if (domainSocket) {
            throw new IllegalArgumentException("io_uring transport: domain sockets are not supported (use epoll)");
        }
        return IOUringServerSocketChannel::new;
    }
}
