package dev.kumo.dataplane.router;

import dev.kumo.http.ClientGuard;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One client connection to the front: each request head is either forwarded here ({@link FrontExchange}, when the
 * {@link FrontDoor} leases an instance) or the connection is handed to the Vert.x router from that head on
 * ({@link Relay}): h2c's preface, an Upgrade, a request the router must hold, queue, reject or 404. Requests are
 * served one at a time; a pipelined one waits, unread, until the previous response has gone.
 */
final class FrontConnection extends ChannelInboundHandlerAdapter {

    static final String NAME = "kumoFront";

    private final FrontDoor door;
    private final int loop;
    private final Upstreams upstreams;
    private final Relay relay;
    private ChannelHandlerContext ctx;
    private String clientAddress;
    private FrontExchange current;
    private boolean discarding;
    private ArrayDeque<Object> waiting;
    private ScheduledFuture<?> timer;
    private long timerAt;
    private boolean reading;
    private boolean upstreamBlocked;

    FrontConnection(FrontDoor door, int loop, Upstreams upstreams, Relay relay) {
        this.door = door;
        this.loop = loop;
        this.upstreams = upstreams;
        this.relay = relay;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** The client's IP address as X-Forwarded-For gives it; built once per connection. */
    String clientAddress() {
        if (clientAddress == null) {
            clientAddress = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        }
        return clientAddress;
    }

    /** Whether the client's read is under way: its end flushes what was written to the instance meanwhile. */
    boolean reading() {
        return reading;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        if (waiting != null || current != null && !current.isDone() && msg instanceof HttpRequest) {
            waitFor(msg);
        } else {
            handle(msg);
        }
    }

    private void handle(Object msg) {
        if (msg instanceof HttpRequest head) {
            request(head);
        } else if (msg instanceof HttpContent content) {
            if (current != null && !current.requestEnded()) {
                current.requestContent(content);
            } else {
                ReferenceCountUtil.release(content); // the rest of a body whose request was already answered
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void request(HttpRequest head) {
        current = null;
        if (head.decoderResult().isFailure()) {
            ClientGuard.InvalidHead invalid = ClientGuard.invalidHead(head.decoderResult().cause());
            ctx.writeAndFlush(Answers.text(ctx.alloc(), HttpVersion.HTTP_1_1, invalid.status(), invalid.message(),
                    true)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        FrontPick.strip(head.headers()); // only the front's own draw reaches the Vert.x router
        FrontLease lease = forwardable(head) ? door.admit(head, loop) : null;
        if (lease == null) {
            handOff(head);
            return;
        }
        current = new FrontExchange(this, ctx, head, lease, upstreams);
        current.start();
    }

    /**
     * The connection goes to the Vert.x router from {@code head} on; pipelined requests already decoded behind it
     * (a waiting head's body, the requests after it) go along, encoded again, before the bytes not yet decoded.
     */
    private void handOff(HttpRequest head) {
        handOff(head, List.of());
    }

    /** The same for the request in flight, whose body pieces {@code held} had come before the hand-off. */
    void handOff(HttpRequest head, List<HttpContent> held) {
        current = null;
        ArrayDeque<Object> behind = waiting;
        waiting = null;
        if (held.isEmpty() && (behind == null || behind.isEmpty())) {
            relay.handOff(ctx, head);
            return;
        }
        List<Object> all = new ArrayList<>(held);
        if (behind != null) {
            all.addAll(behind);
        }
        relay.handOff(ctx, Relay.encoded(head, all));
    }

    /**
     * Whether the front may forward {@code head} itself: plain HTTP/1.1, no protocol switch, no CONNECT (a tunnel
     * would leave the instance connection unparsable, so never pooled). HTTP/1.0 goes to the Vert.x router, which
     * turns a chunked answer into one the client can read (the front forwards the instance's bytes as they are).
     */
    private static boolean forwardable(HttpRequest head) {
        return HttpVersion.HTTP_1_1.equals(head.protocolVersion()) && !head.headers().contains(HttpHeaderNames.UPGRADE)
                && !HttpMethod.CONNECT.equals(head.method());
    }

    /** A request arrived while one is in flight (pipelining): it waits, and the socket is not read meanwhile. */
    private void waitFor(Object msg) {
        if (waiting == null) {
            waiting = new ArrayDeque<>();
            readClient();
        }
        waiting.add(msg);
    }

    /**
     * The instance's connection can take more ({@code writable}) or not: the client's reads follow it, unless
     * requests wait behind the one in flight.
     */
    void upstreamWritable(boolean writable) {
        upstreamBlocked = !writable;
        readClient();
    }

    /**
     * Reads the client while nothing holds it back: requests waiting behind the one in flight (pipelining; they are
     * not read further, so the queue stays bounded by one read) or an instance connection that cannot take more.
     */
    private void readClient() {
        ctx.channel().config().setAutoRead(waiting == null && !upstreamBlocked);
    }

    /**
     * The request in flight ended: the next waiting one goes, then reading resumes; when the connection is
     * {@code closing}, what waits is dropped (it must not reach an instance after the close was decided).
     */
    void exchangeDone(boolean closing) {
        if (closing) {
            if (waiting != null) {
                waiting.forEach(ReferenceCountUtil::release);
                waiting = null;
            }
        } else if (waiting != null) {
            ctx.executor().execute(this::drainWaiting);
        } else {
            upstreamWritable(true); // a slow instance may have paused the client's reads
        }
    }

    private void drainWaiting() {
        while (waiting != null && !waiting.isEmpty()) {
            if (waiting.peek() instanceof HttpRequest && current != null && !current.isDone()) {
                return; // the next request waits for this one's end
            }
            handle(waiting.poll());
            if (ctx.isRemoved()) {
                return; // handed off, with what waited behind
            }
        }
        if (waiting != null) {
            waiting = null;
            readClient();
        }
        if (current != null) {
            current.flushToUpstream(); // no client read ends after this drain to flush the body it wrote
        }
    }

    /**
     * Makes sure the timer fires by {@code deadlineNanos}, the first-byte deadline of the request in flight.
     * Performance: as kumo-http's ConnectionGuard, one task per connection that re-arms itself when it fires before
     * the current deadline, not a task scheduled and cancelled per request (a priority-queue insert and removal).
     */
    void watch(long deadlineNanos) {
        if (timer == null || timerAt - deadlineNanos > 0) {
            if (timer != null) {
                timer.cancel(false);
            }
            arm(deadlineNanos);
        }
    }

    private void arm(long at) {
        timerAt = at;
        timer = ctx.executor().schedule(this::timerFired, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void timerFired() {
        timer = null;
        FrontExchange watched = current;
        if (watched == null || !watched.awaitingHead() || ctx.isRemoved()) {
            return;
        }
        if (watched.deadlineNanos() - System.nanoTime() > 0) {
            arm(watched.deadlineNanos()); // a later request's deadline
        } else {
            watched.timedOut();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (current != null) {
            current.flushToUpstream();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null && !current.isDone()) {
            current.clientWritability(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelTimer(); // handed off: the timer must not keep this connection's state reachable
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimer();
        if (current != null) {
            current.abort();
        }
        if (waiting != null) {
            waiting.forEach(ReferenceCountUtil::release);
            waiting = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
