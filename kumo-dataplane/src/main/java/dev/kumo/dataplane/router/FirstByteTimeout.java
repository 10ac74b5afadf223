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
 */
final class FirstByteTimeout implements Stage {

    FirstByteTimeout() {
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        int seconds = exchange.target().settings().timeoutSeconds();
        ContextInternal context = (ContextInternal) exchange.context();
        ScheduledFuture<?> timer = context.nettyEventLoop().schedule(() -> context.runOnContext(v -> exchange.fail(504,
                exchange.isHeld()
                        ? "activator request timeout: revision " + exchange.target().revision()
                                + " had no ready instance within timeoutSeconds " + seconds
                        : "revision " + exchange.target().revision() + " did not start answering within "
                                + "timeoutSeconds " + seconds)), seconds, TimeUnit.SECONDS);
        Runnable cancel = () -> timer.cancel(false);
        exchange.onResponseStart(cancel);
        exchange.onDone(cancel);
        next.proceed(exchange);
    }
}
