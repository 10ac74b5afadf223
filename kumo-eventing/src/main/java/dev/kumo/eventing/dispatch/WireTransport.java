package dev.kumo.eventing.dispatch;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Optional;

/** The client channel class matching a Vert.x event loop: epoll's when Vert.x runs native, NIO's otherwise. */
final class WireTransport {

    private WireTransport() {
    }

    /** The channel class for {@code loop}; empty for any other transport (io_uring), whose deliveries stay on Vert.x. */
    static Optional<Class<? extends Channel>> of(EventLoop loop) {
        String name = loop.getClass().getName();
        if (name.startsWith("io.netty.channel.epoll.")) {
            return Optional.of(EpollSocketChannel.class);
        }
        if (name.startsWith("io.netty.channel.nio.")) {
            return Optional.of(NioSocketChannel.class);
        }
        return Optional.empty();
    }
}
