package dev.kumo.dataplane.router;

import dev.kumo.http.ClientGuard;
import dev.kumo.http.ErrorAnswer;
import dev.kumo.http.ListenerLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The Netty front on the ingress port, on event loops of its own ({@code kumo-front-N}, on the transport chosen,
 * io_uring where it can: the Vert.x router behind it stays on Vert.x's loops): one listener, its connections spread
 * over the loops by {@link FrontLoops} (the fewest open first), so that a connection, its requests and their
 * instance connections stay on one loop, which meters them in its own slot ({@code firstSlot} + its number).
 */
public final class FrontServer implements AutoCloseable {

    /** The front's handlers by name, in the order a hand-off removes them (the codec last). */
    static final List<String> HANDLERS = List.of(H2cPreface.NAME, FrontConnection.NAME, "kumoConnectionGuard",
            "kumoBytesIn", "httpCodec");

    private final EventLoopGroup group;
    private final List<EventLoop> loops;
    private final Transport transport;
    private final Channel listener;
    private final ChannelGroup connections;
    private final int port;

    private FrontServer(EventLoopGroup group, List<EventLoop> loops, Transport transport, Channel listener,
            ChannelGroup connections) {
        this.group = group;
        this.loops = loops;
        this.transport = transport;
        this.listener = listener;
        this.connections = connections;
        this.port = ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * Listens on {@code host:port} (0: any free port) on {@code loopCount} new loops of {@code transport}, loop
     * {@code i} metering in slot {@code firstSlot + i}, forwarding what {@code door} admits and relaying the rest to
     * the Vert.x router at {@code router}; blocks until listening.
     */
    public static FrontServer start(String host, int port, Transport transport, int loopCount, int firstSlot,
            ListenerLimits limits, FrontDoor door, InetSocketAddress router) {
        EventLoopGroup group = transport.newGroup(loopCount, new LoopThreads());
        List<EventLoop> loops = StreamSupport.stream(group.spliterator(), false).map(EventLoop.class::cast).toList();
        // Started in order, so that kumo-front-N is loop N (a loop's thread starts with its first task).
        loops.forEach(loop -> loop.submit(() -> { }).syncUninterruptibly());
        FrontLoops spread = new FrontLoops(loops);
        // Every connection the front opens or accepts, closed with it (a channel leaves the group as it closes).
        ChannelGroup connections = new DefaultChannelGroup("kumo-front", GlobalEventExecutor.INSTANCE);
        List<Upstreams> upstreams = loops.stream().map(loop -> new Upstreams(loop, transport, connections)).toList();
        List<Relay> relays = loops.stream().map(loop -> new Relay(router, transport, connections)).toList();
        // One listener on the first loop; each connection it accepts goes to the loop with the fewest (FrontLoops).
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops.get(0), spread).channel(transport.server())
                .option(ChannelOption.SO_BACKLOG, 1024).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        connections.add(channel);
                        int number = spread.number(channel.eventLoop());
                        ChannelPipeline pipeline = channel.pipeline();
                        transport.configure(channel);
                        pipeline.addLast(H2cPreface.NAME, new H2cPreface(relays.get(number)));
                        // The same guard as the Vert.x listeners': header-read and idle timeouts,
                        // half-closure, malformed bodies and versions.
                        ClientGuard.installOn(pipeline, new FrontCodec(), limits, ErrorAnswer.TEXT);
                        pipeline.addLast(FrontConnection.NAME, new FrontConnection(door, firstSlot + number,
                                upstreams.get(number), relays.get(number)));
                    }
                });
        try {
            Channel listener = bootstrap.bind(host, port).syncUninterruptibly().channel();
            return new FrontServer(group, loops, transport, listener, connections);
        } catch (Exception e) {
            // Exception, not RuntimeException: Netty's bind throws its checked NativeIoException undeclared.
            shutDown(group);
            throw new IllegalStateException("the Netty front could not listen on " + host + ":" + port + " ("
                    + transport + "): " + e.getMessage(), e);
        }
    }

    /** The front's event loops, by number. */
    List<EventLoop> loops() {
        return loops;
    }

    /** The transport its loops run on. */
    Transport transport() {
        return transport;
    }

    /** The client connections open now by the loop they are on (counted from the channels themselves). */
    Map<EventLoop, Long> clientsByLoop() {
        return connections.stream().filter(channel -> channel.parent() != null)
                .collect(Collectors.groupingBy(Channel::eventLoop, Collectors.counting()));
    }

    /** The port the front listens on. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        shutDown(group);
    }

    private static void shutDown(EventLoopGroup group) {
        // No quiet period: every channel is closed by now, and the router's close should not wait for one.
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** The front's loop threads, named {@code kumo-front-N} (daemons: a router left open does not hold the JVM). */
    private static final class LoopThreads extends DefaultThreadFactory {

        private final AtomicInteger next = new AtomicInteger();

        LoopThreads() {
            super("kumo-front", true);
        }

        @Override
        protected Thread newThread(Runnable task, String name) {
            return super.newThread(task, "kumo-front-" + next.getAndIncrement());
        }
    }
}
