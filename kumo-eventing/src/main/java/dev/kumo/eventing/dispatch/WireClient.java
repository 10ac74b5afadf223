package dev.kumo.eventing.dispatch;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plain-HTTP deliveries on Netty, over kept-alive connections of Vert.x's own event loops ({@link WireConnections},
 * one set per loop), as the router's front reaches instances: the head written as bytes into one buffer, the body
 * after it as it is, the response read by Netty's decoder and classified on the loop. A send from an event loop stays
 * on that loop, and its future completes on the caller's context, as with Vert.x's client; a send from any other
 * thread (a Trigger's pump, the log's writer) goes to the loops in turn.
 */
final class WireClient {

    private final Map<EventExecutor, Loop> loops = new HashMap<>();
    private final List<Loop> order = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ChannelGroup open = new DefaultChannelGroup("kumo-eventing-deliveries", GlobalEventExecutor.INSTANCE);

    private record Loop(WireConnections connections, ContextInternal context) {
    }

    private WireClient(VertxInternal vertx, Class<? extends Channel> channelClass, int maxConnectionsPerHost) {
        EventLoopGroup group = vertx.getEventLoopGroup();
        int count = 0;
        for (EventExecutor ignored : group) {
            count++;
        }
        int perLoop = Math.max(1, (maxConnectionsPerHost + count - 1) / count); // the host's cap shared by the loops
        for (EventExecutor executor : group) {
            EventLoop loop = (EventLoop) executor;
            Loop own = new Loop(new WireConnections(loop, channelClass, perLoop, open),
                    vertx.createEventLoopContext(loop, null, WireClient.class.getClassLoader()));
            loops.put(loop, own);
            order.add(own);
        }
    }

    /** The client on {@code vertx}'s loops; empty when they are neither epoll's nor NIO's (deliveries stay on Vert.x). */
    static Optional<WireClient> on(Vertx vertx, int maxConnectionsPerHost) {
        VertxInternal internal = (VertxInternal) vertx;
        return WireTransport.of((EventLoop) internal.getEventLoopGroup().next())
                .map(channelClass -> new WireClient(internal, channelClass, maxConnectionsPerHost));
    }

    /**
     * Whether {@code plain} goes to an IPv4 literal (a {@code .localhost} name is sent to 127.0.0.1): a name to look up
     * stays on Vert.x's client and its asynchronous resolver, never a blocking lookup on an event loop.
     */
    static boolean reaches(RequestOptions plain) {
        String connectTo = plain.getServer() instanceof SocketAddress server ? server.host() : plain.getHost();
        return connectTo != null && NetUtil.isValidIpV4Address(connectTo);
    }

    /** Closes every connection. */
    void close() {
        open.close();
    }

    /** One attempt of {@code request} to {@code address} ({@code server} names it in a timeout's message). */
    Future<Outcome> send(InetSocketAddress address, String server, WireRequest request, long timeoutMillis,
            boolean preferReply) {
        ContextInternal caller = ContextInternal.current();
        Loop loop = caller != null && caller.isEventLoopContext() ? loops.get(caller.nettyEventLoop()) : null;
        ContextInternal context = caller;
        if (loop == null) {
            loop = order.get(Math.floorMod(next.getAndIncrement(), order.size()));
            context = loop.context();
        }
        Promise<Outcome> promise = context.promise();
        WireAttempt attempt = new WireAttempt(request, preferReply, timeoutMillis, server, promise);
        WireConnections connections = loop.connections();
        if (connections.loop().inEventLoop()) {
            connections.send(address, attempt);
        } else {
            connections.loop().execute(() -> connections.send(address, attempt));
        }
        return promise.future();
    }
}
