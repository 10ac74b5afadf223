package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.RevisionSettings;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.impl.ContextInternal;
import java.util.concurrent.TimeUnit;

/**
 * Knative's {@code responseStartTimeoutSeconds} and {@code idleTimeoutSeconds}, counted from the request's delivery
 * to its leased instance, as the queue-proxy counts them: no response head within the first → 504; nothing written
 * to the client for the second → 504 before the head, the connection cut after it (a cut tells the client the
 * response is incomplete, where the queue-proxy appends its message to the body). A tunnel (WebSocket, CONNECT) is
 * left alone once switched. {@code timeoutSeconds} stays {@link FirstByteTimeout}'s, from arrival.
 */
final class ResponseTimeouts implements Stage {

    @Override
    public void handle(Exchange exchange, Chain next) {
        RevisionSettings settings = exchange.target().settings();
        if (settings.timesResponses() && !exchange.isWatched()) {
            Watch watch = new Watch(exchange, settings, System.nanoTime());
            exchange.watch(watch);
            watch.arm();
        }
        next.proceed(exchange);
    }

    /** One request's timers, as one task on its event loop re-armed for the nearer deadline. */
    static final class Watch implements Runnable {

        private final Exchange exchange;
        private final RevisionSettings settings;
        private final long startDeadline;
        private final long idleNanos;
        private long lastWrite;
        private ScheduledFuture<?> task;
        private boolean stopped;

        Watch(Exchange exchange, RevisionSettings settings, long deliveredNanos) {
            this.exchange = exchange;
            this.settings = settings;
            this.startDeadline = settings.responseStartTimeoutSeconds() > 0
                    ? deliveredNanos + TimeUnit.SECONDS.toNanos(settings.responseStartTimeoutSeconds()) : Long.MAX_VALUE;
            this.idleNanos = TimeUnit.SECONDS.toNanos(settings.idleTimeoutSeconds());
            this.lastWrite = deliveredNanos;
        }

        /** Something went to the client (the response head, a body chunk). */
        void wrote() {
            lastWrite = System.nanoTime();
        }

        /** No more timing: the request ended or became a tunnel. */
        void stop() {
            stopped = true;
            if (task != null) {
                task.cancel(false);
            }
        }

        void arm() {
            long next = idleNanos > 0 ? lastWrite + idleNanos : Long.MAX_VALUE;
            if (!exchange.hasResponseStarted()) {
                next = Math.min(next, startDeadline);
            }
            if (next == Long.MAX_VALUE) {
                return; // the head came and no idle timeout: nothing left to time
            }
            long delay = Math.max(0, next - System.nanoTime());
            task = ((ContextInternal) exchange.context()).nettyEventLoop().schedule(this, delay, TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            exchange.context().runOnContext(v -> check());
        }

        private void check() {
            if (stopped || exchange.isDone()) {
                return;
            }
            long now = System.nanoTime();
            if (!exchange.hasResponseStarted() && now - startDeadline >= 0) {
                exchange.fail(504, "revision " + exchange.target().revision() + " did not start answering within "
                        + "responseStartTimeoutSeconds " + settings.responseStartTimeoutSeconds());
            } else if (idleNanos > 0 && now - lastWrite >= idleNanos) {
                exchange.fail(504, "revision " + exchange.target().revision() + " sent nothing for "
                        + "idleTimeoutSeconds " + settings.idleTimeoutSeconds());
            } else {
                arm();
            }
        }
    }
}
