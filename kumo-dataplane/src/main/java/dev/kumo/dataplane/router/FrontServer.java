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
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Netty front on the ingress port: one listener, its connections spread over the router's event loops by
 * {@link FrontLoops} (the fewest open first), so that a connection, its requests and their instance connections
 * stay on the loop whose meters they count in.
 */
public final class FrontServer implements AutoCloseable {

    /** The front's handlers by name, in the order a hand-off removes them (the codec last). */
    static final List<String> HANDLERS = List.of(H2cPreface.NAME, FrontConnection.NAME, "kumoConnectionGuard",
            "kumoBytesIn", "httpCodec");

    private final Channel listener;
    private final ChannelGroup connections;
    private final int port;

    private FrontServer(Channel listener, ChannelGroup connections, int port) {
        this.listener = listener;
        this.connections = connections;
        this.port = port;
    }

    /**
     * Listens on {@code host:port} (0: any free port) on {@code loops} (by loop number), forwarding what
     * {@code door} admits and relaying the rest to the Vert.x router at {@code router}; blocks until listening.
     */
    public static FrontServer start(String host, int port, List<EventLoop> loops, ListenerLimits limits,
            FrontDoor door, InetSocketAddress router) {
        Transport transport = Transport.of(loops.get(0));
        FrontLoops group = new FrontLoops(loops);
        // Every connection the front opens or accepts, closed with it (a channel leaves the group as it closes).
        ChannelGroup connections = new DefaultChannelGroup("kumo-front", GlobalEventExecutor.INSTANCE);
        List<Upstreams> upstreams = loops.stream().map(loop -> new Upstreams(loop, transport, connections)).toList();
        List<Relay> relays = loops.stream().map(loop -> new Relay(router, transport, connections)).toList();
        // One listener on the first loop; each connection it accepts goes to the loop with the fewest (FrontLoops).
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops.get(0), group).channel(transport.server())
                .option(ChannelOption.SO_BACKLOG, 1024).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        connections.add(channel);
                        int number = group.number(channel.eventLoop());
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast(H2cPreface.NAME, new H2cPreface(relays.get(number)));
                        // The same guard as the Vert.x listeners': header-read and idle timeouts,
                        // half-closure, malformed bodies and versions.
                        ClientGuard.installOn(pipeline, new FrontCodec(), limits, ErrorAnswer.TEXT);
                        pipeline.addLast(FrontConnection.NAME,
                                new FrontConnection(door, number, upstreams.get(number), relays.get(number)));
                    }
                });
        try {
            Channel listener = bootstrap.bind(host, port).syncUninterruptibly().channel();
            return new FrontServer(listener, connections, ((InetSocketAddress) listener.localAddress()).getPort());
        } catch (Exception e) {
            // Exception, not RuntimeException: Netty's bind throws its checked NativeIoException undeclared.
            throw new IllegalStateException("the Netty front could not listen on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
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
    }
}
