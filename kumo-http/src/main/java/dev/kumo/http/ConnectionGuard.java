package dev.kumo.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's guard, between Netty's HTTP decoder and Vert.x: it sees each decoded request and each response
 * written, so it knows whether the connection waits for a head, holds a request, or sits idle; a head
 * {@link RequestHeadRules} refuses is answered 400 here and never reaches the listener. Event loop only.
 */
final class ConnectionGuard extends ChannelDuplexHandler {

    private enum Waiting { HEAD, BODY, IDLE, NOTHING }

    /** How long a connection closed while its request body is still coming reads and drops it before closing. */
    static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final ListenerLimits limits;
    private final ErrorAnswer answer;
    private ChannelHandlerContext ctx;
    private Waiting waiting = Waiting.NOTHING;
    private ScheduledFuture<?> timer;
    /** When {@link #timer} fires (System.nanoTime). */
    private long timerAt;
    /** When what is awaited is due (System.nanoTime). */
    private long deadline;
    private int inFlight;
    private boolean bodyOpen;
    private boolean responseStarted;
    private boolean inputClosed;
    private boolean closing;
    private boolean partialHead;
    private ChannelPromise lingering;
    private boolean lingered;
    private long lastReadNanos = System.nanoTime();

    ConnectionGuard(ListenerLimits limits, ErrorAnswer answer) {
        this.limits = limits;
        this.answer = answer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        await(Waiting.HEAD, limits.headerReadTimeout().toNanos());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
        stopTimer();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        stopTimer();
        stopLingering();
        ctx.fireChannelInactive();
    }

    /**
     * A close while the client is still sending the request body (an early answer: 404, 413, 400) lingers: the
     * answer is flushed, what the client sends is read and dropped until the body ends or {@link #LINGER_NANOS}
     * pass, then the connection closes. Closing at once with unread bytes makes the kernel reset the connection,
     * and the client can lose the answer it was sent (Go's server and nginx linger the same way).
     */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!bodyOpen || lingered || !ctx.channel().isActive()) {
            stopLingering();
            ctx.close(promise);
            return;
        }
        cancel();
        closing = true;
        lingered = true;
        lingering = promise;
        ctx.flush();
        ctx.channel().config().setAutoRead(true);
        ctx.read();
        ctx.executor().schedule(this::stopLingering, LINGER_NANOS, TimeUnit.NANOSECONDS);
    }

    private void stopLingering() {
        if (lingering != null) {
            ChannelPromise promise = lingering;
            lingering = null;
            ctx.close(promise);
        }
    }

    /** Bytes came in (before decoding): a connection idle between requests now waits for a head. */
    void bytesArrived() {
        lastReadNanos = System.nanoTime();
        partialHead |= inFlight == 0;
        if (inFlight == 0 && waiting == Waiting.IDLE) {
            await(Waiting.HEAD, limits.headerReadTimeout().toNanos());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            if (msg instanceof LastHttpContent || msg instanceof HttpContent content
                    && content.decoderResult().isFailure()) {
                stopLingering();
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            String refusal = RequestHeadRules.refusal(request);
            if (refusal != null) {
                ReferenceCountUtil.release(msg);
                refuse(HttpResponseStatus.BAD_REQUEST, refusal);
                return;
            }
            RequestHeadRules.hostFromTarget(request);
        }
        if (msg instanceof HttpRequest) {
            inFlight++;
            partialHead = false;
            bodyOpen = !(msg instanceof LastHttpContent);
            cancel();
            if (bodyOpen) {
                await(Waiting.BODY, limits.idleTimeout().toNanos());
            }
        } else if (msg instanceof HttpContent content) {
            if (content.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                refuse(HttpResponseStatus.BAD_REQUEST, "malformed request body: "
                        + content.decoderResult().cause().getMessage());
                return;
            }
            if (msg instanceof LastHttpContent) {
                bodyOpen = false;
                if (waiting == Waiting.BODY) {
                    cancel();
                }
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            promise.setFailure(new IllegalStateException("the connection is closing"));
            return;
        }
        boolean informational = msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (informational) {
            ctx.write(msg, promise);
            return;
        }
        if (msg instanceof HttpResponse || msg instanceof ResponseBytes bytes && bytes.first()) {
            responseStarted = true;
        }
        if (msg instanceof LastHttpContent || msg instanceof ResponseBytes bytes && bytes.last()) {
            ChannelPromise written = promise.unvoid();
            written.addListener(f -> responseDone());
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent && lingering != null) {
            stopLingering();
        } else if (event instanceof ChannelInputShutdownEvent) {
            inputClosed = true;
            if (inFlight == 0 && partialHead) {
                refuse(HttpResponseStatus.BAD_REQUEST, "the client closed its side of the connection before the "
                        + "request head was complete");
            } else if (inFlight == 0) {
                ctx.close();
            } else if (bodyOpen) {
                refuse(HttpResponseStatus.BAD_REQUEST, "the request body ended early: the client closed its side "
                        + "of the connection before sending all of it");
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    private void responseDone() {
        inFlight = Math.max(0, inFlight - 1);
        responseStarted = false;
        if (inFlight > 0 || closing) {
            return;
        }
        if (inputClosed) {
            ctx.close();
        } else if (waiting == Waiting.NOTHING) {
            await(Waiting.IDLE, limits.idleTimeout().toNanos());
        }
    }

    /**
     * Waits for {@code what} until {@code nanos} from now. Performance: as Netty's IdleStateHandler, one task at a
     * time that re-arms itself when it fires before the deadline, instead of a task scheduled and cancelled per
     * request (a priority-queue insert and removal on the event loop each time).
     */
    private void await(Waiting what, long nanos) {
        waiting = what;
        deadline = System.nanoTime() + nanos;
        if (timer == null || timerAt - deadline > 0) {
            stopTimer();
            arm(deadline);
        }
    }

    private void arm(long at) {
        timerAt = at;
        timer = ctx.executor().schedule(this::timerFired, Math.max(0, at - System.nanoTime()),
                TimeUnit.NANOSECONDS);
    }

    private void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Nothing is awaited any more; a pending task finds that when it fires. */
    private void cancel() {
        waiting = Waiting.NOTHING;
    }

    private void timerFired() {
        timer = null;
        if (waiting == Waiting.NOTHING || closing) {
            return;
        }
        if (deadline - System.nanoTime() > 0) {
            arm(deadline); // what is awaited now was asked for after this task was armed
            return;
        }
        expired(waiting);
    }

    private void expired(Waiting what) {
        waiting = Waiting.NOTHING;
        switch (what) {
            case HEAD -> refuse(HttpResponseStatus.REQUEST_TIMEOUT, "the request head did not arrive within "
                    + seconds(limits.headerReadTimeout().toNanos()));
            case IDLE -> ctx.close();
            case BODY -> bodyStalled();
            case NOTHING -> { }
        }
    }

    /** The body has not moved for the idle timeout, unless the server itself stopped reading (back-pressure). */
    private void bodyStalled() {
        if (!bodyOpen) {
            return;
        }
        long idle = limits.idleTimeout().toNanos();
        long quiet = System.nanoTime() - lastReadNanos;
        if (!ctx.channel().config().isAutoRead() || quiet < idle) {
            await(Waiting.BODY, ctx.channel().config().isAutoRead() ? idle - quiet : idle);
            return;
        }
        refuse(HttpResponseStatus.REQUEST_TIMEOUT, "the request body stopped arriving for " + seconds(idle));
    }

    /** Answers {@code status} and closes, or only closes when a response has already begun. */
    private void refuse(HttpResponseStatus status, String message) {
        cancel();
        if (closing) {
            return;
        }
        closing = true;
        if (responseStarted) {
            ctx.close();
            return;
        }
        ErrorAnswer.Body body = answer.body(status.code(), message);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body.bytes()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, body.contentType())
                .set(HttpHeaderNames.CONTENT_LENGTH, body.bytes().length)
                .set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static String seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos) / 1000.0 + "s";
    }
}
