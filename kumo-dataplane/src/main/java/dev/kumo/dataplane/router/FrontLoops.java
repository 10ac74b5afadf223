package dev.kumo.dataplane.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;

/**
 * The front's event loops as the child group of its listener: each accepted connection is registered on
 * the loop with the fewest open client connections (the lowest number on a tie), so that a few long-lived
 * keep-alive connections split evenly. A listener per loop with SO_REUSEPORT spread them by a hash of the address:
 * 34 of 64 on one loop in the median of 30 tries, up to 42, and the busier loop's connections queue longer behind
 * each other. The loops are the front's own group's ({@link FrontServer}), which shuts them down; this view does not.
 */
final class FrontLoops extends AbstractEventExecutorGroup implements EventLoopGroup {

    private final List<EventLoop> loops;
    /** Open client connections by loop number; counted up on the acceptor's loop, down on the connection's. */
    private final AtomicIntegerArray open;

    FrontLoops(List<EventLoop> loops) {
        this.loops = List.copyOf(loops);
        this.open = new AtomicIntegerArray(loops.size());
    }

    /** The number of {@code loop} among the front's loops (0-based). */
    int number(EventLoop loop) {
        int number = loops.indexOf(loop);
        if (number < 0) {
            throw new IllegalStateException("a front connection on " + loop + ", which is none of the front's loops");
        }
        return number;
    }

    /** The loop with the fewest open client connections now. */
    @Override
    public EventLoop next() {
        return loops.get(least());
    }

    /** Registers an accepted connection on the least-used loop, counted there until it closes. */
    @Override
    public ChannelFuture register(Channel channel) {
        return counted(channel, least(), loop -> loop.register(channel));
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
        return counted(promise.channel(), least(), loop -> loop.register(promise));
    }

    @Deprecated
    @Override
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        return register(promise);
    }

    /** Counts {@code channel} on loop {@code number} from now (before it is registered: the next accept sees it). */
    private ChannelFuture counted(Channel channel, int number, Function<EventLoop, ChannelFuture> registration) {
        open.incrementAndGet(number);
        return registration.apply(loops.get(number)).addListener(registered -> {
            if (registered.isSuccess()) {
                channel.closeFuture().addListener(closed -> open.decrementAndGet(number));
            } else {
                open.decrementAndGet(number);
            }
        });
    }

    private int least() {
        int best = 0;
        for (int i = 1; i < open.length(); i++) {
            if (open.get(i) < open.get(best)) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public Iterator<EventExecutor> iterator() {
        return loops.stream().map(EventExecutor.class::cast).iterator();
    }

    @Override
    public boolean isShuttingDown() {
        return loops.stream().allMatch(EventLoop::isShuttingDown);
    }

    @Override
    public boolean isShutdown() {
        return loops.stream().allMatch(EventLoop::isShutdown);
    }

    @Override
    public boolean isTerminated() {
        return loops.stream().allMatch(EventLoop::isTerminated);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        throw notOurs();
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        throw notOurs();
    }

    @Override
    public Future<?> terminationFuture() {
        throw notOurs();
    }

    @Deprecated
    @Override
    public void shutdown() {
        throw notOurs();
    }

    private static UnsupportedOperationException notOurs() {
        return new UnsupportedOperationException("the front's loops belong to its FrontServer, which shuts them down "
                + "on close; this view of them does not");
    }
}
