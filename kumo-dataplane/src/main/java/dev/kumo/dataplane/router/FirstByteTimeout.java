package dev.kumo.dataplane.router;

import io.vertx.core.Vertx;

/**
 * Answers 504 when the response head has not arrived within the revision's {@code timeoutSeconds}, counted from
 * arrival so that time spent queued or held counts too (as in Knative's queue-proxy and activator, which answers
 * 504 "activator request timeout"); a started response may stream on.
 * Performance: one event-loop timer per request, cancelled when the response head arrives.
 */
final class FirstByteTimeout implements Stage {

    private final Vertx vertx;

    FirstByteTimeout(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        int seconds = exchange.target().settings().timeoutSeconds();
        long timer = vertx.setTimer(seconds * 1000L, id -> exchange.fail(504, exchange.isHeld()
                ? "activator request timeout: revision " + exchange.target().revision()
                        + " had no ready instance within timeoutSeconds " + seconds
                : "revision " + exchange.target().revision() + " did not start answering within timeoutSeconds "
                        + seconds));
        Runnable cancel = () -> vertx.cancelTimer(timer);
        exchange.onResponseStart(cancel);
        exchange.onDone(cancel);
        next.proceed(exchange);
    }
}
