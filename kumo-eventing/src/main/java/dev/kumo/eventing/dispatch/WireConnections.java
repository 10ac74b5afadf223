package dev.kumo.eventing.dispatch;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's kept-alive connections to subscribers, used on that loop only (no lock): an idle one is reused,
 * most recently used first, else a new one is opened while the loop has fewer than its share of the per-host cap, else
 * the attempt waits for one to come back. One idle longer than Vert.x's client keeps them (60 s) is closed when its
 * address is next asked for.
 */
final class WireConnections {

    /** Vert.x's client's default keep-alive timeout. */
    static final long IDLE_EXPIRY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final int maxPerAddress;
    private final Map<InetSocketAddress, Pool> pools = new HashMap<>();

    private final ChannelGroup everyChannel;

    /** Connections on {@code loop}, at most {@code maxPerAddress} to one address, each added to {@code open}. */
    WireConnections(EventLoop loop, Class<? extends Channel> channelClass, int maxPerAddress, ChannelGroup open) {
        this.loop = loop;
        this.everyChannel = open;
        this.maxPerAddress = maxPerAddress;
        this.bootstrap = new Bootstrap().group(loop).channel(channelClass).option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, false);
    }

    EventLoop loop() {
        return loop;
    }

    /** Sends {@code attempt} to {@code address} on a connection of this loop; on the loop. */
    void send(InetSocketAddress address, WireAttempt attempt) {
        attempt.started(loop);
        Pool pool = pools.computeIfAbsent(address, Pool::new);
        Channel idle = pool.takeIdle();
        if (idle != null) {
            write(idle, attempt);
        } else if (pool.open < maxPerAddress) {
            pool.connect(attempt);
        } else {
            pool.waiting.addLast(attempt);
        }
    }

    private static void write(Channel channel, WireAttempt attempt) {
        attempt.sentOn(channel);
        channel.pipeline().get(WireHandler.class).begin(attempt);
        WireRequest request = attempt.request();
        channel.write(request.head(channel.alloc()));
        channel.writeAndFlush(Unpooled.wrappedBuffer(request.body())).addListener(written -> {
            if (!written.isSuccess()) {
                channel.close(); // the handler fails the attempt as the connection closes
            }
        });
    }

    /** The connections to one address. */
    private final class Pool {

        private final InetSocketAddress address;
        private final ArrayDeque<Idle> idle = new ArrayDeque<>();
        private final ArrayDeque<WireAttempt> waiting = new ArrayDeque<>();
        private int open;

        Pool(InetSocketAddress address) {
            this.address = address;
        }

        Channel takeIdle() {
            long now = System.nanoTime();
            while (!idle.isEmpty() && now - idle.peekFirst().sinceNanos() > IDLE_EXPIRY_NANOS) {
                idle.pollFirst().channel().close(); // the least recently used are first
            }
            while (!idle.isEmpty()) {
                Channel channel = idle.pollLast().channel();
                if (channel.isActive()) {
                    return channel;
                }
            }
            return null;
        }

        void connect(WireAttempt attempt) {
            open++;
            bootstrap.clone().handler(new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel channel) {
                    everyChannel.add(channel);
                    channel.pipeline().addLast(new HttpResponseDecoder(),
                            new WireHandler((handler, reusable) -> released(channel, reusable)));
                }
            }).connect(address).addListener((ChannelFuture connected) -> {
                if (connected.isSuccess()) {
                    connected.channel().closeFuture().addListener(closed -> closed(connected.channel()));
                    if (attempt.ended()) {
                        released(connected.channel(), true); // timed out while connecting: the next one takes it
                    } else {
                        write(connected.channel(), attempt);
                    }
                } else {
                    open--;
                    attempt.failed(connected.cause());
                    next();
                }
            });
        }

        /** An attempt ended on {@code channel}: it goes to the next waiting attempt, or idle, or is closed. */
        void released(Channel channel, boolean reusable) {
            if (!reusable) {
                channel.close();
                return;
            }
            WireAttempt next = nextWaiting();
            if (next != null) {
                write(channel, next);
            } else {
                idle.addLast(new Idle(channel, System.nanoTime()));
            }
        }

        private void closed(Channel channel) {
            open--;
            idle.removeIf(kept -> kept.channel() == channel);
            next();
        }

        /** A connection slot came free: the next waiting attempt gets a new connection. */
        private void next() {
            WireAttempt next = nextWaiting();
            if (next != null) {
                connect(next);
            }
        }

        private WireAttempt nextWaiting() {
            while (!waiting.isEmpty()) {
                WireAttempt next = waiting.pollFirst();
                if (!next.ended()) {
                    return next;
                }
            }
            return null;
        }
    }

    /** A kept-alive connection and since when ({@link System#nanoTime}) it has been idle. */
    private record Idle(Channel channel, long sinceNanos) {
    }
}
