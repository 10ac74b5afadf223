package dev.kumo.dataplane.router;

import dev.kumo.runtime.spi.InstanceAddress;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's kept-alive connections to instances: an idle one is reused (most recently used first, so idle
 * ones age out at the instance), else a new one is opened on the same loop. One idle for {@link #IDLE_EXPIRY_NANOS}
 * is closed when its instance is next asked for, as the Vert.x router's client drops a connection kept alive 60 s.
 * Used on that loop only. Performance: a plain map and deque, no lock; connections are per loop so a request never
 * changes thread.
 */
final class Upstreams {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    /** How long a connection may stay idle in the pool: the Vert.x router client's keep-alive timeout, 60 s. */
    static final long IDLE_EXPIRY_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** A pooled connection and since when ({@link System#nanoTime}) it has been idle. */
    private record Idle(Channel channel, long sinceNanos) {
    }

    private final Bootstrap bootstrap;
    private final Map<InstanceAddress, ArrayDeque<Idle>> idle = new HashMap<>();

    /** Connections opened on {@code loop}, each added to {@code open} (closed with the front). */
    Upstreams(EventLoop loop, Transport transport, ChannelGroup open) {
        this.bootstrap = new Bootstrap().group(loop).channel(transport.client())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        open.add(channel);
                        transport.configure(channel);
                        // Requests go as bytes (ForwardedHead, FrontExchange); responses are read as bytes too.
                        channel.pipeline().addLast(new UpstreamHandler());
                    }
                });
    }

    /** Hands {@code exchange} an open connection to {@code address}: an idle one now, or a new one once open. */
    void acquire(InstanceAddress address, FrontExchange exchange) {
        ArrayDeque<Idle> channels = idle.get(address);
        if (channels != null) {
            long now = System.nanoTime();
            while (!channels.isEmpty() && now - channels.peekFirst().sinceNanos() > IDLE_EXPIRY_NANOS) {
                channels.pollFirst().channel().close(); // the least recently used are first
            }
            while (!channels.isEmpty()) {
                Channel channel = channels.pollLast().channel();
                if (channel.isActive()) {
                    exchange.upstreamReady(channel, !exchange.clientReading(), true);
                    return;
                }
            }
        }
        connect(address, exchange);
    }

    /** Hands {@code exchange} a new connection to {@code address} once open. */
    void connect(InstanceAddress address, FrontExchange exchange) {
        bootstrap.connect(address.host(), address.port()).addListener((ChannelFuture connected) -> {
            if (connected.isSuccess()) {
                Channel channel = connected.channel();
                channel.closeFuture().addListener(closed -> forget(address, channel));
                exchange.upstreamReady(channel, true, false);
            } else {
                exchange.upstreamFailed(connected.cause());
            }
        });
    }

    /** Keeps {@code channel}, whose exchange ended cleanly, for the next request to {@code address}. */
    void release(InstanceAddress address, Channel channel) {
        UpstreamHandler.of(channel).exchange(null);
        channel.config().setAutoRead(true); // a slow client may have paused it
        idle.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(new Idle(channel, System.nanoTime()));
    }

    private void forget(InstanceAddress address, Channel channel) {
        ArrayDeque<Idle> channels = idle.get(address);
        if (channels != null) {
            channels.removeIf(kept -> kept.channel() == channel);
            if (channels.isEmpty()) {
                idle.remove(address);
            }
        }
    }
}
