package dev.kumo.eventing.dispatch;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Promise;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * One delivery attempt on the wire client, on its event loop only: waiting for a connection, then sent and read.
 * Ends once (the first of its response, an error, or the timeout wins). The timeout is Vert.x's request timeout: it
 * covers the wait for a connection and the connect, and then counts from the last bytes read, so a response that keeps
 * arriving is not cut.
 */
final class WireAttempt {

    private final WireRequest request;
    private final boolean preferReply;
    private final long timeoutNanos;
    private final String server;
    private final Promise<Outcome> promise;
    private long lastActivityNanos;
    private ScheduledFuture<?> timer;
    private Channel channel;
    private boolean ended;

    WireAttempt(WireRequest request, boolean preferReply, long timeoutMillis, String server, Promise<Outcome> promise) {
        this.request = request;
        this.preferReply = preferReply;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.server = server;
        this.promise = promise;
    }

    WireRequest request() {
        return request;
    }

    boolean preferReply() {
        return preferReply;
    }

    boolean ended() {
        return ended;
    }

    /** Starts the clock, on {@code loop}, the attempt's. */
    void started(EventLoop loop) {
        lastActivityNanos = System.nanoTime();
        timer = loop.schedule(() -> checkTimeout(loop), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** Sent on {@code channel}: a timeout from now closes it. */
    void sentOn(Channel sent) {
        this.channel = sent;
        lastActivityNanos = System.nanoTime();
    }

    /** Bytes were read for it. */
    void touched() {
        lastActivityNanos = System.nanoTime();
    }

    void succeeded(Outcome outcome) {
        if (end()) {
            promise.complete(outcome);
        }
    }

    void failed(Throwable error) {
        if (end()) {
            promise.fail(error);
        }
    }

    private boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        if (timer != null) {
            timer.cancel(false);
        }
        return true;
    }

    private void checkTimeout(EventLoop loop) {
        if (ended) {
            return;
        }
        long idle = System.nanoTime() - lastActivityNanos;
        if (idle < timeoutNanos) {
            timer = loop.schedule(() -> checkTimeout(loop), timeoutNanos - idle, TimeUnit.NANOSECONDS);
            return;
        }
        // Vert.x's words, so that a dead letter's knativeerrordata reads the same whichever client sent.
        failed(new NoStackTraceTimeoutException("The timeout period of " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                + "ms has been exceeded while executing POST " + request.pathAndQuery() + " for server " + server));
        if (channel != null) {
            channel.close(); // the response may still come: the connection is not reused
        }
    }
}
