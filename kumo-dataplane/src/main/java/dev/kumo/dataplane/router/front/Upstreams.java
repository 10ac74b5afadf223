package dev.kumo.dataplane.router.front;

import dev.kumo.runtime.spi.InstanceAddress;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One event loop's kept-alive connections to instances: an idle one is reused (most recently used first, so idle
 * ones age out at the instance), else a new one is opened on the same loop. Used on that loop only.
 * Performance: a plain map and deque, no lock; connections are per loop so a request never changes thread.
 */
final class Upstreams {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private final Bootstrap bootstrap;
    private final Map<InstanceAddress, ArrayDeque<Channel>> idle = new HashMap<>();

    /** Connections opened on {@code loop}, each added to {@code open} (closed with the front). */
    Upstreams(EventLoop loop, Transport transport, ChannelGroup open) {
        this.bootstrap = new Bootstrap().group(loop).channel(transport.client())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        open.add(channel);
                        channel.pipeline().addLast(new HttpClientCodec(), new UpstreamHandler());
                    }
                });
    }

    /** Hands {@code exchange} an open connection to {@code address}: an idle one now, or a new one once open. */
    void acquire(InstanceAddress address, FrontExchange exchange) {
        ArrayDeque<Channel> channels = idle.get(address);
        while (channels != null && !channels.isEmpty()) {
            Channel channel = channels.pollLast();
            if (channel.isActive()) {
                exchange.upstreamReady(channel, !exchange.clientReading());
                return;
            }
        }
        bootstrap.connect(address.host(), address.port()).addListener((ChannelFuture connected) -> {
            if (connected.isSuccess()) {
                Channel channel = connected.channel();
                channel.closeFuture().addListener(closed -> forget(address, channel));
                exchange.upstreamReady(channel, true);
            } else {
                exchange.upstreamFailed(connected.cause());
            }
        });
    }

    /** Keeps {@code channel}, whose exchange ended cleanly, for the next request to {@code address}. */
    void release(InstanceAddress address, Channel channel) {
        UpstreamHandler.of(channel).exchange(null);
        channel.config().setAutoRead(true); // a slow client may have paused it
        idle.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(channel);
    }

    private void forget(InstanceAddress address, Channel channel) {
        ArrayDeque<Channel> channels = idle.get(address);
        if (channels != null) {
            channels.remove(channel);
            if (channels.isEmpty()) {
                idle.remove(address);
            }
        }
    }
}
