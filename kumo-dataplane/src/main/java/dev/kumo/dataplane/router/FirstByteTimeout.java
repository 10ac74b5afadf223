package dev.kumo.dataplane.router;

import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.impl.ContextInternal;
import java.util.concurrent.TimeUnit;

/**
 * Answers 504 when the response head has not arrived within the revision's {@code timeoutSeconds}, counted from
 * arrival so that time spent queued or held counts too (as in Knative's queue-proxy and activator, which answers
 * 504 "activator request timeout"); a started response may stream on.
 * Performance: one task on the event loop's own scheduler per request, cancelled when the response head arrives —
 * not a Vert.x timer, which also boxes an id into a shared map and adds a close hook to the verticle's context.
 * The task fails the exchange through {@code runOnContext}, a second task: a head processed between the two has
 * cancelled it already, so the failure checks that flag rather than resetting a response that arrived in time.
 */
final class FirstByteTimeout implements Stage {

    FirstByteTimeout() {
    }

    /** One request's timer; used only on the exchange's event loop. */
    private static final class Timer implements Runnable {

        private final Exchange exchange;
        private final int seconds;
        private ScheduledFuture<?> task;
        private boolean cancelled;

        Timer(Exchange exchange, int seconds) {
            this.exchange = exchange;
            this.seconds = seconds;
        }

        @Override
        public void run() {
            exchange.context().runOnContext(v -> {
                if (!cancelled) {
                    exchange.fail(504, exchange.isHeld()
                            ? "activator request timeout: revision " + exchange.target().revision()
                                    + " had no ready instance within timeoutSeconds " + seconds
                            : "revision " + exchange.target().revision() + " did not start answering within "
                                    + "timeoutSeconds " + seconds);
                }
            });
        }

        void cancel() {
            cancelled = true;
            task.cancel(false);
        }
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        int seconds = exchange.target().settings().timeoutSeconds();
        Timer timer = new Timer(exchange, seconds);
        timer.task = ((ContextInternal) exchange.context()).nettyEventLoop().schedule(timer, seconds, TimeUnit.SECONDS);
        Runnable cancel = timer::cancel;
        exchange.onResponseStart(cancel);
        exchange.onDone(cancel);
        next.proceed(exchange);
    }
}
