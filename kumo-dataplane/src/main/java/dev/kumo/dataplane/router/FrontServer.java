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
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The Netty front on the ingress port: one listener per router event loop (SO_REUSEPORT spreads connections over
 * them; without epoll the first loop alone listens), so that a connection, its requests and their instance
 * connections stay on the loop whose meters they count in.
 */
public final class FrontServer implements AutoCloseable {

    /** The front's handlers by name, in the order a hand-off removes them (the codec last). */
    static final List<String> HANDLERS = List.of(H2cPreface.NAME, FrontConnection.NAME, "kumoConnectionGuard",
            "kumoBytesIn", "httpCodec");

    private final List<Channel> listeners;
    private final ChannelGroup connections;
    private final int port;

    private FrontServer(List<Channel> listeners, ChannelGroup connections, int port) {
        this.listeners = listeners;
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
        List<Channel> listeners = new ArrayList<>();
        // Every connection the front opens or accepts, closed with it (a channel leaves the group as it closes).
        ChannelGroup connections = new DefaultChannelGroup("kumo-front", GlobalEventExecutor.INSTANCE);
        int bound = port;
        try {
            for (int i = 0; i < (transport.reusePort() ? loops.size() : 1); i++) {
                EventLoop loop = loops.get(i);
                int number = i;
                Upstreams upstreams = new Upstreams(loop, transport, connections);
                Relay relay = new Relay(router, transport, connections);
                ServerBootstrap bootstrap = new ServerBootstrap().group(loop, loop).channel(transport.server())
                        .option(ChannelOption.SO_BACKLOG, 1024).childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(new ChannelInitializer<>() {
                            @Override
                            protected void initChannel(Channel channel) {
                                connections.add(channel);
                                ChannelPipeline pipeline = channel.pipeline();
                                pipeline.addLast(H2cPreface.NAME, new H2cPreface(relay));
                                // The same guard as the Vert.x listeners': header-read and idle timeouts,
                                // half-closure, malformed bodies and versions.
                                ClientGuard.installOn(pipeline, new FrontCodec(), limits, ErrorAnswer.TEXT);
                                pipeline.addLast(FrontConnection.NAME,
                                        new FrontConnection(door, number, upstreams, relay));
                            }
                        });
                if (transport.reusePort()) {
                    bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
                }
                Channel listener = bootstrap.bind(host, bound).syncUninterruptibly().channel();
                listeners.add(listener);
                bound = ((InetSocketAddress) listener.localAddress()).getPort();
            }
            return new FrontServer(listeners, connections, bound);
        } catch (Exception e) {
            // Exception, not RuntimeException: Netty's bind throws its checked NativeIoException undeclared.
            listeners.forEach(Channel::close);
            throw new IllegalStateException("the Netty front could not listen on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** The port the front listens on. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        listeners.forEach(listener -> listener.close().syncUninterruptibly());
        connections.close().awaitUninterruptibly();
    }
}
